package org.tandem.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PseudonymisationSessionTest {

    private final MemberIdentity known = PseudonymiserTest.SOPHIE.identity();

    @Test
    void theTextsOfOneCallShareTheirTokensAndTheAnswerIsRestored() {
        var session = PseudonymisationSession.of(new Pseudonymiser(), known);
        String system = session.pseudonymise("Dossier : Sophie Lefèvre, contrat HAB-2022-774120.");
        String user = session.pseudonymise("Mme Lefèvre demande une attestation pour le contrat HAB-2022-774120.");
        String instruction = session.pseudonymise("Précise que l'attestation part à sophie.lefevre@example.org.");

        assertThat(system).isEqualTo("Dossier : [PERSONNE_1], contrat [CONTRAT_1].");
        assertThat(user).isEqualTo("Mme [PERSONNE_1_NOM] demande une attestation pour le contrat [CONTRAT_1].");
        assertThat(instruction).isEqualTo("Précise que l'attestation part à [EMAIL_1].");
        var restored =
                session.restore("Madame [PERSONNE_1_NOM], l'attestation du contrat [CONTRAT_1] part à [EMAIL_1].");
        assertThat(restored.text())
                .isEqualTo(
                        "Madame Lefèvre, l'attestation du contrat HAB-2022-774120 part à sophie.lefevre@example.org.");
        assertThat(session.tokenCount()).isEqualTo(3);
        assertThat(session.toString()).doesNotContain("Lefèvre", "774120");
        assertThat(session.promptNote()).contains("[PERSONNE_1_NOM]", "crochets compris");
    }

    @Test
    void aDisabledSessionChangesNothing() {
        var session = PseudonymisationSession.disabled();
        assertThat(session.pseudonymise("Sophie Lefèvre")).isEqualTo("Sophie Lefèvre");
        assertThat(session.restore("Madame Lefèvre").text()).isEqualTo("Madame Lefèvre");
        assertThat(session.enabled()).isFalse();
        assertThat(session.promptNote()).isEmpty();
    }
}
