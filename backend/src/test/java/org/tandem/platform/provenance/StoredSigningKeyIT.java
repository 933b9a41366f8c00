package org.tandem.platform.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.TandemIntegrationTest;

/**
 * Without a configured key and outside the demo, the first start makes the signing key and keeps it in the
 * database: a second start (or a second node) signs with the same key, and its public key is published.
 */
@TandemIntegrationTest
class StoredSigningKeyIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstStartMakesTheKeyAndEveryLaterStartSignsWithIt() {
        ProvenanceProperties nothingSet = new ProvenanceProperties(null, false, null, null);

        ProvenanceKeys first = new ProvenanceKeys(nothingSet, jdbc);
        ProvenanceKeys second = new ProvenanceKeys(nothingSet, jdbc);

        assertThat(jdbc.sql("select count(*) from provenance_signing_key")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(second.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(second.pseudonymSecret()).isEqualTo(first.pseudonymSecret());
        assertThat(first.publicKeys().getKeyByKeyId(first.currentKeyId()))
                .as("published with the others")
                .isNotNull();
        assertThat(first.publicKey(first.currentKeyId()).orElseThrow().isPrivate())
                .isFalse();
    }
}
