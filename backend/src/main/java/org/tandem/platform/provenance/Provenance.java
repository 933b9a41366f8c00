package org.tandem.platform.provenance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Signs and verifies provenance records: a JSON object (the claims of {@link ProvenanceClaims}) in a JWS
 * (RFC 7515), compact serialisation, ES256 (ECDSA P-256, SHA-256), header {@code typ} {@value #TYPE} and
 * {@code kid} the key's JWK thumbprint (RFC 7638). Any JOSE library verifies it with the public keys of
 * {@code GET /api/public/provenance/keys}.
 */
@Service
public class Provenance {

    public static final String TYPE = "tandem-provenance+json";

    private final ProvenanceKeys keys;
    private final ProvenanceProperties properties;
    private final javax.crypto.spec.SecretKeySpec pseudonymKey;
    // one signer for the deployment's key, fixed for the life of the process
    private final Es256Signer signer;

    Provenance(ProvenanceKeys keys, ProvenanceProperties properties) {
        this.keys = keys;
        this.properties = properties;
        this.pseudonymKey = new javax.crypto.spec.SecretKeySpec(keys.pseudonymSecret(), "HmacSHA256");
        try {
            this.signer = new Es256Signer(keys.signingKey().toECPrivateKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("The provenance signing key is not a usable EC private key", e);
        }
    }

    public String issuer() {
        return properties.issuer();
    }

    public String verifyUrl() {
        return properties.verifyUrl();
    }

    /**
     * A person's stable pseudonym in the records: HMAC-SHA-256 of their user name under a secret derived
     * from the signing key, 16 hexadecimal characters. The insurer finds who it is by computing it for its
     * staff; anyone else learns nothing from it, and a record names no one.
     */
    public String pseudonym(String username) {
        if (username == null) {
            return null;
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            byte[] digest = mac.doFinal(username.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "p-" + java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(ProvenanceClaims claims) {
        ECKey key = keys.signingKey();
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType(TYPE))
                        .keyID(key.getKeyID())
                        .build(),
                new Payload(claims.toJson()));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("The provenance record could not be signed", e);
        }
        return jws.serialize();
    }

    /**
     * What a record says, if its signature holds with one of this deployment's keys.
     *
     * @return empty when the text is not a JWS at all
     */
    public Optional<Verification> verify(String record) {
        if (record == null || record.isBlank()) {
            return Optional.empty();
        }
        JWSObject jws;
        try {
            // a record copied from a folded e-mail header or a wrapped page: base64url has no white space
            jws = JWSObject.parse(record.replaceAll("\\s", ""));
        } catch (ParseException e) {
            return Optional.empty();
        }
        String kid = jws.getHeader().getKeyID();
        Optional<ECKey> key = keys.publicKey(kid);
        boolean valid = false;
        if (key.isPresent() && JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
            try {
                valid = jws.verify(new ECDSAVerifier(key.get()));
            } catch (JOSEException e) {
                valid = false;
            }
        }
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        return Optional.of(new Verification(valid, key.isPresent(), kid, claims == null ? Map.of() : claims));
    }

    /**
     * The claims of a record this deployment signed and stored itself, read without checking the signature
     * again (an ES256 verification per letter cost 2 % of the CPU under load, issue 18). Never for a record
     * that comes from outside: {@link #verify} is for those.
     */
    public Map<String, Object> claimsOfOwn(String record) {
        try {
            Map<String, Object> claims = JWSObject.parse(record).getPayload().toJSONObject();
            return claims == null ? Map.of() : claims;
        } catch (ParseException e) {
            throw new IllegalStateException("A stored provenance record is not a JWS", e);
        }
    }

    /**
     * @param signatureValid the signature holds with the key named by {@code kid}
     * @param keyKnown       {@code kid} is a key of this deployment (otherwise: another issuer, or forged)
     * @param claims         the record's claims as signed (read them only when the signature holds)
     */
    public record Verification(boolean signatureValid, boolean keyKnown, String keyId, Map<String, Object> claims) {

        /** The SHA-256 of the canonical text the record binds. */
        public String contentHash() {
            return claims.get("content") instanceof Map<?, ?> content && content.get("sha256") instanceof String s
                    ? s
                    : null;
        }
    }
}
