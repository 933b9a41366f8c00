package org.tandem.platform.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** EC P-256 keys from PEM, and the public key of a private one (Q = d·G), with the JDK alone. */
final class EcKeys {

    private EcKeys() {}

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configured value: a PEM text, or the path of a file that holds one. */
    static KeyPair fromSetting(String setting) {
        String pem = setting.strip();
        if (!pem.startsWith("-----BEGIN")) {
            Path file = Path.of(pem.startsWith("file:") ? pem.substring("file:".length()) : pem);
            try {
                pem = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "tandem.provenance.signing-key: cannot read the key file " + file.toAbsolutePath(), e);
            }
        }
        return fromPem(pem);
    }

    static KeyPair fromPem(String pem) {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException("tandem.provenance.signing-key must be an EC P-256 private key in "
                    + "PKCS#8 PEM (-----BEGIN PRIVATE KEY-----), e.g. from "
                    + "`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`");
        }
        String body =
                pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + "-----BEGIN PRIVATE KEY-----".length());
        body = body.substring(0, body.indexOf("-----END PRIVATE KEY-----")).replaceAll("\\s", "");
        try {
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            if (privateKey.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalStateException("tandem.provenance.signing-key: the key must be on the curve P-256");
            }
            return new KeyPair(publicKeyOf(privateKey), privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("tandem.provenance.signing-key is not a readable EC private key", e);
        }
    }

    static String toPem(ECPrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The public point of a private key: d·G by double-and-add in affine coordinates. */
    static ECPublicKey publicKeyOf(ECPrivateKey key) throws GeneralSecurityException {
        ECParameterSpec params = key.getParams();
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        BigInteger a = params.getCurve().getA();
        ECPoint q = multiply(params.getGenerator(), key.getS(), p, a);
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, params));
    }

    private static ECPoint multiply(ECPoint g, BigInteger k, BigInteger p, BigInteger a) {
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = g;
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) {
                result = add(result, addend, p, a);
            }
            addend = add(addend, addend, p, a);
        }
        return result;
    }

    private static ECPoint add(ECPoint s, ECPoint t, BigInteger p, BigInteger a) {
        if (s.equals(ECPoint.POINT_INFINITY)) {
            return t;
        }
        if (t.equals(ECPoint.POINT_INFINITY)) {
            return s;
        }
        BigInteger x1 = s.getAffineX(), y1 = s.getAffineY(), x2 = t.getAffineX(), y2 = t.getAffineY();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (!y1.equals(y2) || y1.signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            lambda = x1.pow(2)
                    .multiply(BigInteger.valueOf(3))
                    .add(a)
                    .multiply(y1.shiftLeft(1).modInverse(p))
                    .mod(p);
        } else {
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.pow(2).subtract(x1).subtract(x2).mod(p);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
        return new ECPoint(x3, y3);
    }
}
