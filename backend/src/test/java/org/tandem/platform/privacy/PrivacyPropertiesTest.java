package org.tandem.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.platform.ai.AiProperties;
import org.tandem.platform.ai.AiProperties.Provider;

class PrivacyPropertiesTest {

    private static AiProperties ai(Provider provider, String hosting) {
        return new AiProperties(
                provider, "http://llm.example:8000/v1", "k", null, "m", null, null, Duration.ofSeconds(30), hosting);
    }

    @Test
    void byDefaultEveryProviderIsPseudonymisedEvenOneAssumedOnPremises() {
        var privacy = new PrivacyProperties(null, null);
        assertThat(privacy.pseudonymises(ai(Provider.MISTRAL, null))).isTrue();
        assertThat(privacy.pseudonymises(ai(Provider.OPENAI_COMPATIBLE, null))).isTrue();
        assertThat(privacy.pseudonymises(ai(Provider.OLLAMA, "on-premises"))).isTrue();
        assertThat(privacy.pseudonymises(ai(Provider.OFFLINE, null)))
                .as("nothing leaves the JVM")
                .isFalse();
    }

    @Test
    void offPremisesOnlySkipsProvidersHostedOnOurPremises() {
        var privacy = new PrivacyProperties(PrivacyProperties.When.OFF_PREMISES, null);
        assertThat(privacy.pseudonymises(ai(Provider.OLLAMA, "on-premises"))).isFalse();
        assertThat(privacy.pseudonymises(ai(Provider.OPENAI_COMPATIBLE, "openai")))
                .isTrue();
        assertThat(privacy.pseudonymises(ai(Provider.MISTRAL, null))).isTrue();
    }

    @Test
    void configuredReferencePatternsComeOnTopOfTheDefaults() {
        var privacy = new PrivacyProperties(null, List.of(new ReferencePattern(TokenKind.SINISTRE, "\\bCLM\\d{8}\\b")));
        assertThat(privacy.allReferencePatterns())
                .hasSize(ReferencePattern.defaults().size() + 1);
        var pseudonymiser = new Pseudonymiser(privacy.allReferencePatterns());
        assertThat(pseudonymiser
                        .pseudonymise("CLM20240012 et SIN-2024-00871", MemberIdentity.none())
                        .text())
                .isEqualTo("[SINISTRE_1] et [SINISTRE_2]");
    }
}
