package org.tandem.content.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tandem.platform.usecase.UseCaseCatalog;

/** Every shipped use case names a channel that exists; a typo is refused, none keeps the content in the file. */
class ChannelTest {

    @Test
    void everyShippedUseCaseNamesAKnownChannel() {
        UseCaseCatalog catalog = new UseCaseCatalog("classpath:processes/use-cases/");
        assertThat(catalog.all())
                .isNotEmpty()
                .allSatisfy(u -> assertThat(Channel.of(u.disclosureChannel()))
                        .as(u.key())
                        .isNotNull());
        assertThat(Channel.of(catalog.require("reply-letter").disclosureChannel()))
                .isEqualTo(Channel.COURRIER);
        assertThat(Channel.of(catalog.require("meeting-report").disclosureChannel()))
                .isEqualTo(Channel.COURRIEL);
        assertThat(Channel.of(catalog.require("member-chatbot").disclosureChannel()))
                .isEqualTo(Channel.ESPACE_SOCIETAIRE);
    }

    @Test
    void aChannelNobodyKnowsIsRefusedAndNoneStaysInTheCaseFile() {
        assertThatThrownBy(() -> Channel.of("pigeon-voyageur")).hasMessageContaining("courrier, courriel");
        assertThat(Channel.of(null)).isEqualTo(Channel.DOSSIER);
        assertThat(Channel.of(" ")).isEqualTo(Channel.DOSSIER);
        assertThat(Channel.COURRIER.byMail()).isTrue();
        assertThat(Channel.DOSSIER.byMail()).isFalse();
    }
}
