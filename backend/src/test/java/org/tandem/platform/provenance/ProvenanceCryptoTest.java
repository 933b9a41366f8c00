package org.tandem.platform.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** The key handling and the text's canonical hash, without Spring: what every record rests on. */
class ProvenanceCryptoTest {

    @Test
    void thePublicKeyDerivedFromAPemPrivateKeyIsTheGeneratorsOne() {
        for (int i = 0; i < 5; i++) {
            KeyPair generated = EcKeys.generate();
            KeyPair read = EcKeys.fromPem(EcKeys.toPem((ECPrivateKey) generated.getPrivate()));
            assertThat(((ECPublicKey) read.getPublic()).getW()).isEqualTo(((ECPublicKey) generated.getPublic()).getW());
        }
    }

    @Test
    void aKeyThatIsNotAnEcPrivateKeyIsRefusedWithTheCommandThatMakesOne() {
        assertThatThrownBy(() -> EcKeys.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .hasMessageContaining("openssl genpkey");
        assertThatThrownBy(() -> EcKeys.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .hasMessageContaining("not a readable EC private key");
    }

    @Test
    void theCanonicalTextIgnoresLineBreaksAndSpacesButNoWordOrSign() {
        String sent = "Madame,\r\n\r\nVotre remboursement de 182,40 €\u202Fest validé.\n\n— Mention";
        String copied = "  Madame, Votre remboursement de 182,40 € est validé. — Mention ";
        assertThat(ContentHash.of(copied)).isEqualTo(ContentHash.of(sent));
        // composed and decomposed accents are one text
        assertThat(ContentHash.of("validé")).isEqualTo(ContentHash.of("valide\u0301"));
        assertThat(ContentHash.of(sent.replace("182,40", "182,41"))).isNotEqualTo(ContentHash.of(sent));
        assertThat(ContentHash.of(sent.replace("validé.", "validé !"))).isNotEqualTo(ContentHash.of(sent));
        assertThat(ContentHash.of(sent)).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void theDigitalSourceTypeFollowsTheMeasuredShare() {
        assertThat(DigitalSourceType.of(1.0)).isEqualTo(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        assertThat(DigitalSourceType.of(0.62)).isEqualTo(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
        assertThat(DigitalSourceType.of(0.0)).isEqualTo(DigitalSourceType.DIGITAL_CREATION);
        assertThat(DigitalSourceType.DIGITAL_CREATION.uri())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation");
        assertThat(DigitalSourceType.fromUri(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA.uri()))
                .isEqualTo(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
    }

    @Test
    void itsEs256SignaturesVerifyWithTheJdksOwnVerifierAndATamperedOneDoesNot() throws Exception {
        KeyPair pair = EcKeys.generate();
        Es256Signer signer = new Es256Signer((ECPrivateKey) pair.getPrivate());
        ECDSAVerifier jdk = new ECDSAVerifier((ECPublicKey) pair.getPublic());
        for (int i = 0; i < 50; i++) {
            JWSObject jws = new JWSObject(
                    new JWSHeader(JWSAlgorithm.ES256), new Payload("{\"n\":" + i + ",\"texte\":\"réponse\"}"));
            jws.sign(signer);
            assertThat(jws.getSignature().decode()).hasSize(64);
            assertThat(JWSObject.parse(jws.serialize()).verify(jdk)).isTrue();
            String[] parts = jws.serialize().split("\\.");
            String otherPayload =
                    new Payload("{\"n\":" + (i + 1) + "}").toBase64URL().toString();
            assertThat(JWSObject.parse(parts[0] + "." + otherPayload + "." + parts[2])
                            .verify(jdk))
                    .isFalse();
        }
        JWSObject es384 = new JWSObject(new JWSHeader(JWSAlgorithm.ES384), new Payload("{}"));
        assertThatThrownBy(() -> es384.sign(signer)).isInstanceOf(JOSEException.class);
    }

    @Test
    void aKeyOnAnotherCurveIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        ECPrivateKey p384 = (ECPrivateKey) generator.generateKeyPair().getPrivate();
        assertThatThrownBy(() -> new Es256Signer(p384)).hasMessageContaining("P-256");
    }
}
