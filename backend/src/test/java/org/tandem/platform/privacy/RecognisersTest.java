package org.tandem.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each recogniser on valid identifiers (replaced) and on look-alikes whose check fails (kept). */
class RecognisersTest {

    private final Pseudonymiser pseudonymiser = new Pseudonymiser();

    private String pseudonymised(String text) {
        return pseudonymiser.pseudonymise(text, MemberIdentity.none()).text();
    }

    private List<TokenKind> kinds(String text) {
        return pseudonymiser.identifiers(text, MemberIdentity.none()).stream()
                .map(Detection::kind)
                .toList();
    }

    // NIR: key = 97 - (13 digits mod 97); 2A counts as 19, 2B as 18

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1 84 03 79 191 123 21",
                "184037919112321",
                "2 91 06 2A 004 056 86",
                "1 85 02 2B 012 034 78",
                "1.84.03.79.191.123.21",
                "2 84 06 75 112 345 44"
            })
    void validNirsAreReplaced(String nir) {
        assertThat(pseudonymised("Mon numéro de sécurité sociale : " + nir + ", merci."))
                .isEqualTo("Mon numéro de sécurité sociale : [NIR_1], merci.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"1 84 03 79 191 123 22", "184037919112320", "2 91 06 2A 004 056 85", "1 85 02 2B 012 034 77"})
    void nirsWhoseKeyFailsAreKept(String nir) {
        assertThat(kinds("Numéro : " + nir)).doesNotContain(TokenKind.NIR);
        assertThat(pseudonymised("Numéro : " + nir)).contains(nir);
    }

    @Test
    void corsicanDepartmentsComputeAs19And18() {
        assertThat(Checksums.nir("291062A00405686")).isTrue();
        assertThat(Checksums.nir("291061900405686")).isTrue();
        assertThat(Checksums.nir("185022B01203478")).isTrue();
        assertThat(Checksums.nir("185022A01203478")).isFalse();
    }

    // IBAN: ISO 13616, mod 97 = 1

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FR76 3000 6000 0112 3456 7890 189",
                "FR7630006000011234567890189",
                "FR14 2004 1010 0505 0001 3M02 606",
                "DE89 3704 0044 0532 0130 00",
                "BE68 5390 0754 7034",
                "GB82 WEST 1234 5698 7654 32",
                "CH93 0076 2011 6238 5295 7",
                "IT60 X054 2811 1010 0000 0123 456",
                "ES91 2100 0418 4502 0005 1332"
            })
    void validIbansAreReplacedWithoutSwallowingTheNextWord(String iban) {
        assertThat(pseudonymised("Mon IBAN est " + iban + " Merci de l'utiliser."))
                .isEqualTo("Mon IBAN est [IBAN_1] Merci de l'utiliser.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"FR76 3000 6000 0112 3456 7890 188", "FR7630006000011234567890180", "DE89 3704 0044 0532 0130 01"
            })
    void ibansWhoseCheckFailsAreKept(String iban) {
        assertThat(pseudonymised("IBAN : " + iban)).isEqualTo("IBAN : " + iban);
    }

    // SIREN / SIRET: Luhn; La Poste's establishments: digit sum multiple of 5

    @ParameterizedTest
    @ValueSource(strings = {"732 829 320", "732829320", "552 100 554", "441.639.465"})
    void validSirensAreReplaced(String siren) {
        assertThat(pseudonymised("SIREN " + siren + " (garage)")).isEqualTo("SIREN [SIREN_1] (garage)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"732 829 320 00074", "73282932000074", "552 100 554 00013"})
    void validSiretsAreReplaced(String siret) {
        assertThat(pseudonymised("SIRET : " + siret + ".")).isEqualTo("SIRET : [SIRET_1].");
    }

    @Test
    void laPosteSiretsFollowTheirOwnRule() {
        assertThat(Checksums.luhn("35600000010000")).isFalse();
        assertThat(Checksums.siret("35600000010000")).isTrue();
        assertThat(Checksums.siret("35600000010001")).isFalse();
        assertThat(Checksums.siret("35600000000048")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123 456 789", "732 829 321", "123456789", "12345678900012"})
    void numbersFailingLuhnAreKept(String number) {
        assertThat(pseudonymised("Référence " + number + " du 3 mai")).contains(number);
    }

    @Test
    void aSiretWithAWrongEstablishmentNumberStillHidesItsValidSiren() {
        assertThat(pseudonymised("SIRET 732 829 320 00075")).isEqualTo("SIRET [SIREN_1] 00075");
    }

    // E-mail and phone

    @ParameterizedTest
    @ValueSource(
            strings = {"camille.martin@example.org", "j-p.dupont+assurance@mail.example.fr", "ELODIE.R@EXAMPLE.COM"})
    void emailsAreReplaced(String email) {
        assertThat(pseudonymised("Écrivez-moi à " + email + ".")).isEqualTo("Écrivez-moi à [EMAIL_1].");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "06 12 34 56 78",
                "06.12.34.56.78",
                "06-12-34-56-78",
                "0612345678",
                "+33 6 12 34 56 78",
                "+33612345678",
                "+33 (0)6 12 34 56 78",
                "0033 6 12 34 56 78",
                "06 12 34 56 78"
            })
    void frenchPhoneNumbersInEveryFormatShareOneToken(String phone) {
        var result = pseudonymiser.pseudonymise("Appelez le 06 12 34 56 78.", MemberIdentity.none());
        var again = pseudonymiser.pseudonymise("Ou le " + phone + ".", MemberIdentity.none(), result.map());
        assertThat(result.text()).isEqualTo("Appelez le [TEL_1].");
        assertThat(again.text()).isEqualTo("Ou le [TEL_1].");
    }

    @Test
    void landlinesAreReplacedButAmountsAreNot() {
        assertThat(pseudonymised("Agence : 05 49 12 34 56, franchise de 1 250,00 € et 380 € de frais."))
                .isEqualTo("Agence : [TEL_1], franchise de 1 250,00 € et 380 € de frais.");
    }

    // Licence plates

    @ParameterizedTest
    @ValueSource(strings = {"AB-123-CD", "AB 123 CD", "AB123CD", "GH-509-KL"})
    void sivPlatesAreReplaced(String plate) {
        assertThat(pseudonymised("Véhicule immatriculé " + plate + ".")).isEqualTo("Véhicule immatriculé [IMMAT_1].");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123 ABC 45", "4521 AB 79", "12-ABC-2A", "87 HX 971"})
    void oldFniPlatesAreReplaced(String plate) {
        assertThat(pseudonymised("Ancienne plaque " + plate + ".")).isEqualTo("Ancienne plaque [IMMAT_1].");
    }

    @Test
    void platesWithForbiddenLettersOrOrdinaryWordsAreKept() {
        assertThat(pseudonymised("Plaque AI-123-OU, le 12 mai 2024, 3 CV."))
                .isEqualTo("Plaque AI-123-OU, le 12 mai 2024, 3 CV.");
    }

    // Insurer's references (configurable)

    @Test
    void policyAndClaimNumbersAreReplaced() {
        assertThat(pseudonymised("Contrat AUTO-2024-118734, sinistre SIN-2024-00871."))
                .isEqualTo("Contrat [CONTRAT_1], sinistre [SINISTRE_1].");
        assertThat(pseudonymised("Mon contrat n° 88231457X et mon numéro de sinistre : 2024/55821."))
                .isEqualTo("Mon contrat n° [CONTRAT_1] et mon numéro de sinistre : [SINISTRE_1].");
    }

    @Test
    void referencePatternsAreConfigurable() {
        var custom = new Pseudonymiser(List.of(new ReferencePattern(TokenKind.SINISTRE, "\\bCLM\\d{8}\\b")));
        assertThat(custom.pseudonymise("Dossier CLM20240012 ouvert.", MemberIdentity.none())
                        .text())
                .isEqualTo("Dossier [SINISTRE_1] ouvert.");
    }

    // Dates of birth: by context

    @ParameterizedTest
    @ValueSource(
            strings = {
                "né le 12/03/1984",
                "née le 12 mars 1984",
                "né(e) le 12.03.84",
                "Date de naissance : 12/03/1984",
                "DDN : 1984-03-12",
                "née le 1er mars 1984"
            })
    void datesAfterBirthWordsAreReplaced(String text) {
        String out = pseudonymised("Mon fils, " + text + ", conduit ma voiture.");
        assertThat(out).contains("[DATE_NAISSANCE_1]").doesNotContainPattern("1984|\\b84\\b|mars");
    }

    @Test
    void otherDatesAreKept() {
        assertThat(pseudonymised("L'accident a eu lieu le 12/03/2024 à 8 h."))
                .isEqualTo("L'accident a eu lieu le 12/03/2024 à 8 h.");
    }

    // Names after a civility

    @Test
    void aLastNameAloneAfterTheFullNameIsThatPersonsLastName() {
        assertThat(pseudonymised(
                        "Mme Perrin habite au-dessus. Mme Sylvie Perrin est assurée ailleurs. M. Perrinet non."))
                .isEqualTo(
                        "Mme [PERSONNE_1_NOM] habite au-dessus. Mme [PERSONNE_1] est assurée ailleurs. M. [PERSONNE_2] non.");
    }

    @Test
    void unknownPeopleAfterACivilityAreReplaced() {
        assertThat(pseudonymised("Le tiers, M. Dupont, et son assureur. Mme Claire Durand-Roux était témoin."))
                .isEqualTo("Le tiers, M. [PERSONNE_1], et son assureur. Mme [PERSONNE_2] était témoin.");
        assertThat(pseudonymised("Madame, Monsieur, je vous écris. Monsieur le Directeur, merci."))
                .isEqualTo("Madame, Monsieur, je vous écris. Monsieur le Directeur, merci.");
    }
}
