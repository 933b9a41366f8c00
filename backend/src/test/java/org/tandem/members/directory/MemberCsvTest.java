package org.tandem.members.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.members.Member;

/** The pilot's CSV file of members: what it accepts, and how each bad line is refused by its number. */
class MemberCsvTest {

    private static List<Member> parse(String text) {
        return MemberCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MemberCsv.Invalid refused(String text) {
        try {
            parse(text);
        } catch (MemberCsv.Invalid e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void aSemicolonFileWithItsHeaderQuotesFrenchDatesAndABomIsRead() {
        List<Member> members = parse("\uFEFFid;firstName;lastName;birthDate;email;phone;address;city;policyNumber\r\n"
                + "P-001;Anaïs;Leroy;05/11/1988;anais.leroy@example.org;06 01 02 03 04;\"3, rue \"\"Haute\"\"\";Niort;"
                + "AUTO-1\r\n"
                + "\r\n"
                + "P-002;Jean-Noël;Éluard;1975-02-28;;;;Saintes;\n");
        assertThat(members)
                .containsExactly(
                        new Member(
                                "P-001",
                                "Anaïs",
                                "Leroy",
                                LocalDate.of(1988, 11, 5),
                                "anais.leroy@example.org",
                                "06 01 02 03 04",
                                "3, rue \"Haute\"",
                                "Niort",
                                "AUTO-1"),
                        new Member(
                                "P-002",
                                "Jean-Noël",
                                "Éluard",
                                LocalDate.of(1975, 2, 28),
                                null,
                                null,
                                null,
                                "Saintes",
                                null));
    }

    @Test
    void commasAndAnyOrderOfColumnsWithOnlyTheRequiredOnes() {
        assertThat(parse("lastName,id,firstName\nMartin,P-9,Zoé\n"))
                .containsExactly(new Member("P-9", "Zoé", "Martin", null, null, null, null, null, null));
    }

    @Test
    void everyBadLineIsNamedByItsNumberAndNothingIsReturned() {
        MemberCsv.Invalid e = refused("""
                id;firstName;lastName;birthDate;email
                P-1;Anne;Roy;1980-01-01;anne@example.org
                P-2;Paul;;1980-01-01;
                P-3;Léo;Blanc;31/02/1990;
                P-4;Lou;Noir;1990-01-01;pas-une-adresse
                P-1;Anne;Roy;;
                P-6;Trop;De;Colonnes;;x
                """);
        assertThat(e.errors())
                .containsExactly(
                        "Ligne 3 : le nom (lastName) est obligatoire.",
                        "Ligne 4 : la date de naissance « 31/02/1990 » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj).",
                        "Ligne 5 : l'adresse e-mail « pas-une-adresse » n'est pas valide.",
                        "Ligne 6 : le sociétaire n° « P-1 » figure déjà ligne 2.",
                        "Ligne 7 : 6 colonnes au lieu de 5 (séparateur « ; »).");
        assertThat(e.summary()).isEqualTo("Ligne 3 : le nom (lastName) est obligatoire. (4 autres lignes en erreur)");
    }

    @Test
    void theHeaderMustNameKnownColumnsWithTheRequiredOnes() {
        assertThat(refused("numero;prenom;nom\n1;a;b\n").summary())
                .isEqualTo("Ligne 1 : la colonne « numero » est inconnue ; colonnes possibles : id, firstName,"
                        + " lastName, birthDate, email, phone, address, city, policyNumber.");
        assertThat(refused("id;firstName\n1;a\n").summary())
                .startsWith("Ligne 1 : la colonne obligatoire « lastName » manque");
        assertThat(refused("id;id;firstName;lastName\n").summary())
                .isEqualTo("Ligne 1 : la colonne « id » figure deux fois.");
    }

    @Test
    void emptyFilesAndFilesWithoutMembersAreRefused() {
        assertThat(refused("\n\n").summary()).startsWith("Le fichier est vide");
        assertThat(refused("id;firstName;lastName\n\n").summary())
                .isEqualTo("Le fichier ne contient aucun sociétaire après sa ligne d'en-tête.");
    }

    @Test
    void aFileNotInUtf8IsRefusedWithTheLineOfTheFirstBadByte() {
        byte[] latin1 = "id;firstName;lastName\nP-1;Zoé;Roy\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> MemberCsv.parse(latin1))
                .isInstanceOfSatisfying(
                        MemberCsv.Invalid.class,
                        e -> assertThat(e.summary())
                                .isEqualTo(
                                        "Ligne 2 : le fichier n'est pas en UTF-8 (enregistrez-le en « CSV UTF-8 »)."));
    }

    @Test
    void tooLongFieldsControlCharactersAndOpenQuotesAreRefused() {
        assertThat(refused("id;firstName;lastName\n" + "X".repeat(33) + ";a;b\n")
                        .summary())
                .isEqualTo("Ligne 2 : le numéro de sociétaire (id) dépasse 32 caractères.");
        assertThat(refused("id;firstName;lastName\nP-1;a\u0007b;c\n").summary())
                .isEqualTo("Ligne 2 : le prénom (firstName) contient un caractère de contrôle.");
        assertThat(refused("id;firstName;lastName\nP-1;\"a;b\n").summary())
                .isEqualTo("Ligne 2 : un guillemet n'est pas fermé (un champ ne peut pas tenir sur deux lignes).");
        assertThat(refused("id;firstName;lastName;birthDate\nP-1;a;b;2999-01-01\n")
                        .summary())
                .isEqualTo("Ligne 2 : la date de naissance « 2999-01-01 » n'est pas plausible.");
    }
}
