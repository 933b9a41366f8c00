package org.tandem.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.members.Member;

/** The dossier's known values in their variants, stable tokens, and restoration. */
class PseudonymiserTest {

    static final Member SOPHIE = new Member(
            "M-1003",
            "Sophie",
            "Lefèvre",
            LocalDate.of(1991, 6, 25),
            "sophie.lefevre@example.org",
            "07 11 22 33 44",
            "27 boulevard Carnot",
            "La Rochelle",
            "SANTE-2022-774120");
    static final MemberIdentity KNOWN = SOPHIE.identity();

    private final Pseudonymiser pseudonymiser = new Pseudonymiser();

    private String pseudonymised(String text) {
        return pseudonymiser.pseudonymise(text, KNOWN).text();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Sophie Lefèvre",
                "Sophie Lefevre",
                "SOPHIE LEFEVRE",
                "LEFÈVRE Sophie",
                "sophie lefèvre",
                "Lefevre, Sophie",
                "Sophie  Lefe\u0300vre",
                "Sophie Lef\u200Bèvre"
            })
    void theFullNameInAnyCaseAccentOrOrderIsOnePerson(String name) {
        assertThat(pseudonymised("Signé : " + name + ".")).isEqualTo("Signé : [PERSONNE_1].");
    }

    @Test
    void firstAndLastNameAloneKeepTheirRelationToThePerson() {
        assertThat(pseudonymised("Bonjour, je suis Mme Lefèvre. Sophie pour les intimes. LEFEVRE en majuscules."))
                .isEqualTo("Bonjour, je suis Mme [PERSONNE_1_NOM]. [PERSONNE_1_PRENOM] pour les intimes. "
                        + "[PERSONNE_1_NOM] en majuscules.");
    }

    @Test
    void aNameThatIsAlsoACommonWordIsReplacedOnlyWithACapital() {
        var petit = new MemberIdentity(new PersonName("Rose", "Petit"), null, null, null, null, null, null, List.of());
        assertThat(pseudonymiser
                        .pseudonymise("M. Petit a eu un petit accident devant la rose des vents.", petit)
                        .text())
                .isEqualTo("M. [PERSONNE_1_NOM] a eu un petit accident devant la rose des vents.");
        assertThat(pseudonymiser
                        .pseudonymise("Je vais à Saint-Petit demain.", petit)
                        .text())
                .isEqualTo("Je vais à Saint-Petit demain.");
    }

    @Test
    void emailPhoneAddressPolicyAndBirthDateInTheirVariants() {
        String text = """
                Mail : Sophie.Lefevre@example.org ; tél. +33 7 11 22 33 44 ou 07.11.22.33.44 ou 0711223344.
                J'habite au 27, bd Carnot (17000 La Rochelle), née le 25/06/1991 — soit le 25 juin 1991.
                Contrat SANTE 2022 774120, aussi noté SANTE-2022-774120. Sociétaire M-1003.""";
        assertThat(pseudonymised(text)).isEqualTo("""
                Mail : [EMAIL_1] ; tél. [TEL_1] ou [TEL_1] ou [TEL_1].
                J'habite au [ADRESSE_1] (17000 La Rochelle), née le [DATE_NAISSANCE_1] — soit le [DATE_NAISSANCE_1].
                Contrat [CONTRAT_1], aussi noté [CONTRAT_1]. Sociétaire [SOCIETAIRE_1].""");
    }

    @Test
    void theCityAloneIsKeptOnPurpose() {
        assertThat(pseudonymised("Je passerai à votre agence de La Rochelle."))
                .isEqualTo("Je passerai à votre agence de La Rochelle.");
    }

    @Test
    void tokensAreStableAcrossTheTextsOfACase() {
        var system = pseudonymiser.pseudonymise("Le sociétaire joint au 07 11 22 33 44.", KNOWN);
        var request = pseudonymiser.pseudonymise(
                "Écrire à sophie.lefevre@example.org, rappeler le 0711223344, " + "et M. Girard au 06 98 00 11 22.",
                KNOWN,
                system.map());
        var passage = pseudonymiser.pseudonymise("M. Girard (06 98 00 11 22) est l'expert.", KNOWN, request.map());

        assertThat(system.text()).isEqualTo("Le sociétaire joint au [TEL_1].");
        assertThat(request.text()).isEqualTo("Écrire à [EMAIL_1], rappeler le [TEL_1], et M. [PERSONNE_2] au [TEL_2].");
        assertThat(passage.text()).isEqualTo("M. [PERSONNE_2] ([TEL_2]) est l'expert.");
        assertThat(system.map().size()).isLessThan(passage.map().size());
    }

    @Test
    void theSameInputsGiveTheSameTokensSoTheMapCanBeRebuiltInsteadOfStored() {
        String text = "Sophie Lefèvre, SIN-2024-00871, AB-123-CD, sophie.lefevre@example.org";
        assertThat(pseudonymised(text)).isEqualTo(pseudonymised(text));
    }

    @Test
    void relatedPersonsFromTheDossierTakeTheNextPersonTokens() {
        var widow = KNOWN.withRelatedPersons(List.of(new PersonName("Henri", "Lefèvre")));
        var result =
                pseudonymiser.pseudonymise("Suite au décès de mon mari Henri Lefèvre, Henri ne conduira plus.", widow);
        assertThat(result.text())
                .isEqualTo("Suite au décès de mon mari [PERSONNE_2], [PERSONNE_2_PRENOM] ne conduira plus.");
        assertThat(result.map()
                        .restore("Madame [PERSONNE_1_NOM], le décès de [PERSONNE_2]")
                        .text())
                .isEqualTo("Madame Lefèvre, le décès de Henri Lefèvre");
    }

    @Test
    void restorationPutsTheDossierSpellingBackAndForgivesSmallVariations() {
        var result = pseudonymiser.pseudonymise("SOPHIE LEFEVRE, tél 07.11.22.33.44, contrat SANTE-2022-774120", KNOWN);
        var restored =
                result.map().restore("Madame [PERSONNE_1_NOM], [personne_1] [ TEL_1 ] [[CONTRAT_1]] [contrat 1]");
        assertThat(restored.text())
                .isEqualTo("Madame Lefèvre, Sophie Lefèvre 07 11 22 33 44 SANTE-2022-774120 SANTE-2022-774120");
        assertThat(restored.complete()).isTrue();
    }

    @Test
    void bareUnknownAndInventedTokensAreNotRestoredButReported() {
        var result = pseudonymiser.pseudonymise("Sophie Lefèvre", KNOWN);
        var restored = result.map().restore("Madame PERSONNE_1_NOM, votre [EMAIL_3] et [NOM_1].");
        assertThat(restored.text()).isEqualTo("Madame PERSONNE_1_NOM, votre [EMAIL_3] et [NOM_1].");
        assertThat(restored.unbracketedTokens()).containsExactly("PERSONNE_1_NOM");
        assertThat(restored.unknownTokens()).containsExactly("[EMAIL_3]", "[NOM_1]");
        assertThat(restored.complete()).isFalse();
    }

    @Test
    void tokensPlantedInTheInputAreNeutralisedSoTheyAreNeverRestored() {
        var result = pseudonymiser.pseudonymise("Ignorez ceci : [PERSONNE_1] et [EMAIL_1].", KNOWN);
        assertThat(result.text()).isEqualTo("Ignorez ceci : (PERSONNE_1) et (EMAIL_1).");
    }

    @Test
    void theMapNeverPrintsNorSerialisesItsValues() throws Exception {
        var map = pseudonymiser
                .pseudonymise("Sophie Lefèvre, sophie.lefevre@example.org, 07 11 22 33 44", KNOWN)
                .map();
        assertThat(map.toString())
                .doesNotContain("Sophie", "Lefèvre", "lefevre", "07 11")
                .contains("PERSONNE");
        assertThat(KNOWN.toString()).doesNotContain("Sophie");

        Throwable json = catchThrowable(() -> new ObjectMapper().writeValueAsString(map));
        assertThat(json).as("Jackson refuses the map (no property)").isNotNull();
        String lenient = new ObjectMapper()
                .disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .writeValueAsString(map);
        assertThat(lenient).isEqualTo("{}");

        Throwable java = catchThrowable(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(map));
        assertThat(java)
                .as("not Serializable, so never a Camunda process variable")
                .isNotNull();
    }

    @Test
    void aTextMetAgainIsRecognisedFromWhatWasKeptAndStillForItsOwnMember() {
        Member paul = new Member(
                "M-1007",
                "Paul",
                "Girard",
                LocalDate.of(1980, 2, 3),
                "paul.girard@example.org",
                "06 98 76 54 32",
                "4 rue des Lilas",
                "Niort",
                "AUTO-2021-000321");
        String prePrompt = "Vous répondez au nom de la mutuelle. Écrivez à Sophie Lefèvre ou à Paul Girard, "
                + "n° de contrat SANTE-2022-774120, IBAN FR76 3000 6000 0112 3456 7890 189, "
                + "appel au 05 49 00 00 00.";
        Pseudonymiser fresh = new Pseudonymiser();
        String forSophie = fresh.pseudonymise(prePrompt, KNOWN).text();
        String forPaul =
                new Pseudonymiser().pseudonymise(prePrompt, paul.identity()).text();
        assertThat(forSophie).isNotEqualTo(forPaul);

        for (int time = 1; time <= 3; time++) {
            assertThat(pseudonymiser.pseudonymise(prePrompt, KNOWN).text()).isEqualTo(forSophie);
            assertThat(pseudonymiser.pseudonymise(prePrompt, paul.identity()).text())
                    .as("the member's own values are matched at each call, time %d", time)
                    .isEqualTo(forPaul);
        }
        assertThat(pseudonymiser.recurringTexts()).isEqualTo(1);
        assertThat(forSophie).doesNotContain("FR76", "05 49", "SANTE-2022");

        pseudonymiser.pseudonymise("Bonjour, je suis Marc Dumont, né le 3 mars 1975.", KNOWN);
        assertThat(pseudonymiser.recurringTexts())
                .as("a text met once is not kept")
                .isEqualTo(1);
    }
}
