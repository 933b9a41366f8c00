package org.tandem.platform.provenance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.provenance.*}: the key that signs the provenance records and what they say of their issuer.
 *
 * @param signingKey  the private key, an EC P-256 key in PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}),
 *                    given inline or as the path of a file ({@code TANDEM_PROVENANCE_SIGNING_KEY}); its
 *                    public key is derived from it
 * @param generateKey with no signing key: create a key pair at start-up, kept in memory only (the demo
 *                    profile); its public key is kept with the others, so its records stay verifiable
 * @param issuer      the organisation that signs (« iss » of every record), e.g. the insurer's name
 * @param verifyUrl   the public page where anyone verifies a content, printed on letters and e-mails
 */
@ConfigurationProperties("tandem.provenance")
public record ProvenanceProperties(String signingKey, boolean generateKey, String issuer, String verifyUrl) {

    public ProvenanceProperties {
        issuer = issuer == null || issuer.isBlank() ? "Tandem" : issuer.strip();
        verifyUrl = verifyUrl == null || verifyUrl.isBlank() ? "/#/transparence" : verifyUrl.strip();
    }
}
