package org.tandem.platform.provenance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signing key of this deployment and every public key that ever signed a record. The key comes from
 * the configuration ({@code tandem.provenance.signing-key}); the demo ({@code tandem.provenance.generate-key})
 * makes one at each start-up; otherwise the first start makes one and keeps it in the database
 * ({@code provenance_signing_key}), where every node and every later start find it. Each public key
 * is recorded in {@code provenance_key} the first time it is used, so a record signed before a rotation
 * (or before a restart of the demo) still verifies.
 */
@Component
public class ProvenanceKeys {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProvenanceKeys.class);

    private final ECKey signing;
    private final byte[] pseudonymSecret;
    private final JdbcClient jdbc;

    ProvenanceKeys(ProvenanceProperties properties, JdbcClient jdbc) {
        this.jdbc = jdbc;
        KeyPair pair;
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            pair = EcKeys.fromSetting(properties.signingKey());
        } else if (properties.generateKey()) {
            pair = EcKeys.generate();
            log.warn("No tandem.provenance.signing-key: provenance records are signed with a key pair made at "
                    + "start-up (tandem.provenance.generate-key). Set a key of your own outside the demo.");
        } else {
            pair = storedKey(jdbc);
            log.warn("No tandem.provenance.signing-key (TANDEM_PROVENANCE_SIGNING_KEY): provenance records are "
                    + "signed with the key the first start made and kept in the database (provenance_signing_key). "
                    + "Whoever reads the database can sign in your name: give a key of your own from a secret "
                    + "store for production (`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`).");
        }
        ECKey publicJwk;
        try {
            publicJwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("The provenance key's thumbprint could not be computed", e);
        }
        this.signing = new ECKey.Builder(publicJwk)
                .privateKey((ECPrivateKey) pair.getPrivate())
                .build();
        this.pseudonymSecret = pseudonymSecret(signing);
        jdbc.sql("insert into provenance_key (kid, public_jwk) values (?, ?) on conflict (kid) do nothing")
                .params(publicJwk.getKeyID(), publicJwk.toJSONString())
                .update();
    }

    /** The key kept in the database, made by the first start that needs it (two nodes starting agree on one). */
    private static KeyPair storedKey(JdbcClient jdbc) {
        jdbc.sql("insert into provenance_signing_key (id, private_pem) values (1, ?) on conflict (id) do nothing")
                .param(EcKeys.toPem((ECPrivateKey) EcKeys.generate().getPrivate()))
                .update();
        return EcKeys.fromPem(jdbc.sql("select private_pem from provenance_signing_key where id = 1")
                .query(String.class)
                .single());
    }

    /** The secret of the pseudonyms: derived from the private key, so it needs no setting of its own. */
    byte[] pseudonymSecret() {
        return pseudonymSecret.clone();
    }

    /** Computed once: the key's conversion and digest per pseudonym cost 2 % of a disclosure (issue 18). */
    private static byte[] pseudonymSecret(ECKey signing) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update("tandem-provenance-pseudonym".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return sha.digest(signing.toECPrivateKey().getEncoded());
        } catch (java.security.GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key that signs now (with its private part): for the signer only. */
    ECKey signingKey() {
        return signing;
    }

    public String currentKeyId() {
        return signing.getKeyID();
    }

    /** A public key that signed records of this deployment. */
    public Optional<ECKey> publicKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        if (kid.equals(signing.getKeyID())) {
            return Optional.of(signing.toPublicJWK());
        }
        return jdbc.sql("select public_jwk from provenance_key where kid = ?")
                .param(kid)
                .query(String.class)
                .optional()
                .map(ProvenanceKeys::parse);
    }

    /** Every public key, newest first, as a JWK Set (RFC 7517): what anyone needs to verify a record. */
    public JWKSet publicKeys() {
        List<String> all = jdbc.sql("select public_jwk from provenance_key order by created_at desc, kid")
                .query(String.class)
                .list();
        return new JWKSet(all.stream()
                .map(ProvenanceKeys::parse)
                .map(k -> (com.nimbusds.jose.jwk.JWK) k)
                .toList());
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A public key of provenance_key is unreadable", e);
        }
    }
}
