package org.tandem.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names without a civility and street addresses (issue 16), on the cases that define them: what is
 * replaced, what common words stay, and how a known person's pieces become one token.
 */
class NameAndAddressRecognisersTest {

    private final Pseudonymiser pseudonymiser = new Pseudonymiser();

    private String pseudonymised(String text) {
        return pseudonymiser.pseudonymise(text, MemberIdentity.none()).text();
    }

    static Stream<Arguments> namesWithoutACivility() {
        return Stream.of(
                Arguments.of("Merci, Sofia Nguyen", "Merci, [PERSONNE_1]"),
                Arguments.of("Cordialement,\nÉlodie Marchetti, 06 12 34 56 78", "Cordialement,\n[PERSONNE_1], [TEL_1]"),
                Arguments.of("Bonjour Julie,\nvoici le constat.", "Bonjour [PERSONNE_1],\nvoici le constat."),
                Arguments.of("Ma fille Inès a cassé ses lunettes.", "Ma fille [PERSONNE_1] a cassé ses lunettes."),
                Arguments.of("Je loue le studio à Wei Zhang, étudiant.", "Je loue le studio à [PERSONNE_1], étudiant."),
                Arguments.of("Souscripteur : ROUSSEAU Elodie", "Souscripteur : [PERSONNE_1]"),
                Arguments.of(
                        "Je vous prie d'agréer mes salutations distinguées.\nCharles de La Roche",
                        "Je vous prie d'agréer mes salutations distinguées.\n[PERSONNE_1]"),
                Arguments.of("Le tiers, Javier Fernández García, a signé.", "Le tiers, [PERSONNE_1], a signé."),
                Arguments.of("Bien à vous,\nK. Benali", "Bien à vous,\n[PERSONNE_1]"),
                Arguments.of("appel du tiers (kevin morel 0647382910)", "appel du tiers ([PERSONNE_1] [TEL_1])"));
    }

    @ParameterizedTest
    @MethodSource("namesWithoutACivility")
    void namesWithoutACivilityAreReplaced(String text, String expected) {
        assertThat(pseudonymised(text)).isEqualTo(expected);
    }

    @Test
    void aCoupleIsTwoPeopleAndAFirstNameAloneLaterIsTheSamePerson() {
        assertThat(pseudonymised("Claire et Paul Martin souhaitent que Claire soit rattachée."))
                .isEqualTo("[PERSONNE_1] et [PERSONNE_2] souhaitent que [PERSONNE_1] soit rattachée.");
        assertThat(pseudonymised("Participants : Marc Dumont (juriste). Marc propose une mise en demeure."))
                .isEqualTo("Participants : [PERSONNE_1] (juriste). [PERSONNE_1_PRENOM] propose une mise en demeure.");
    }

    @Test
    void aNameWithItsInitialsIsGivenBackAsWrittenEvenWhenItIsTheMembers() {
        MemberIdentity member = new MemberIdentity(
                new PersonName("Karim", "Benali"), null, null, null, null, null, null, java.util.List.of());
        Pseudonymised letter = pseudonymiser.pseudonymise("Mon mari Benali a signé.\nBien à vous,\nK. Benali", member);
        assertThat(letter.text()).doesNotContain("Benali").doesNotContain("K.");
        assertThat(letter.map().restore(letter.text()).text())
                .isEqualTo("Mon mari Benali a signé.\nBien à vous,\nK. Benali");

        Pseudonymised unknown =
                pseudonymiser.pseudonymise("Julien B. a appelé, puis Julien a rappelé.", MemberIdentity.none());
        assertThat(unknown.text()).isEqualTo("[PERSONNE_1] a appelé, puis [PERSONNE_1_PRENOM] a rappelé.");
        assertThat(unknown.map().restore(unknown.text()).text())
                .isEqualTo("Julien B. a appelé, puis Julien a rappelé.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mon vélo a été volé le 3 Mars devant la gare à Paris.",
                "Un bouquet de roses, une voiture rose, une barre Mars.",
                "Ma box Orange est tombée en panne à Noël.",
                "Je pars à Florence en avril avec ma voiture, une Renault Zoé.",
                "Une pierre a fissuré le pare-brise sur la route de Limoges.",
                "Rendez-vous place Jean Jaurès, au lycée Victor Hugo.",
                "L'agence de La Rochelle a reçu le dossier.",
                "Mon IBAN et le BIC sont sur le RIB joint.",
                "Pas de tiers identifié. Véhicule : Renault Clio."
            })
    void commonWordsPlacesAndBrandsStay(String text) {
        assertThat(pseudonymised(text)).isEqualTo(text);
    }

    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of(
                        "J'habite au 18 chemin de la Garenne, à Parthenay.", "J'habite au [ADRESSE_1], à Parthenay."),
                Arguments.of("une maison au 12 ter, route de la Mer à Royan", "une maison au [ADRESSE_1] à Royan"),
                Arguments.of("Adresse : 17 RUE ALSACE-LORRAINE 86000 POITIERS", "Adresse : [ADRESSE_1] 86000 POITIERS"),
                Arguments.of("je déménage au 47 av de la rochelle à niort", "je déménage au [ADRESSE_1] à niort"),
                Arguments.of(
                        "la toiture de la grange au lieu-dit La Grange Neuve.",
                        "la toiture de la grange au [ADRESSE_1]."),
                Arguments.of("domicilié Kerkstraat 14, 9000 Gent", "domicilié [ADRESSE_1], 9000 Gent"));
    }

    @ParameterizedTest
    @MethodSource("addresses")
    void streetAddressesWithOrWithoutPostcodeAreReplaced(String text, String expected) {
        assertThat(pseudonymised(text)).isEqualTo(expected);
    }

    @Test
    void aStreetWithoutANumberIsWhereSomethingHappenedAndStays() {
        String text = "Le tiers a refusé la priorité rue Gambetta, puis sur la route de Limoges.";
        assertThat(pseudonymised(text)).isEqualTo(text);
    }

    static Stream<Arguments> datesInWords() {
        return Stream.of(
                Arguments.of("Je suis né le douze août mil neuf cent cinquante et un.", "1951-08-12"),
                Arguments.of("né à Parthenay le six juin mille neuf cent quarante-sept", "1947-06-06"),
                Arguments.of("Elle est née le 1er mars 1990.", "1990-03-01"));
    }

    @ParameterizedTest
    @MethodSource("datesInWords")
    void datesOfBirthInWordsAreFoundAndReadAsDates(String text, String iso) {
        var dates = pseudonymiser.identifiers(text, MemberIdentity.none()).stream()
                .filter(d -> d.kind() == TokenKind.DATE_NAISSANCE)
                .toList();
        assertThat(dates).hasSize(1);
        assertThat(dates.get(0).key()).isEqualTo("DATE_NAISSANCE|" + iso);
    }

    @Test
    void theLexiconHoldsFrenchAndOtherFirstNamesAndKnowsWhichAreAlsoWords() {
        NameLexicon lexicon = NameLexicon.get();
        assertThat(lexicon.size()).isGreaterThan(8_000);
        assertThat(lexicon.kind("Inès")).isEqualTo(NameLexicon.Kind.FIRST_NAME);
        assertThat(lexicon.kind("Mamadou")).isEqualTo(NameLexicon.Kind.FIRST_NAME);
        assertThat(lexicon.kind("Jean-Baptiste")).isEqualTo(NameLexicon.Kind.FIRST_NAME);
        assertThat(lexicon.kind("Rose")).isEqualTo(NameLexicon.Kind.COMMON_WORD);
        assertThat(lexicon.kind("Florence")).isEqualTo(NameLexicon.Kind.PLACE);
        assertThat(lexicon.kind("Paris")).isEqualTo(NameLexicon.Kind.NEVER_ALONE);
        assertThat(lexicon.kind("Tableau")).isEqualTo(NameLexicon.Kind.NONE);
        assertThat(SpelledNumbers.parse("quatre-vingt-dix-huit")).isEqualTo(98);
        assertThat(SpelledNumbers.parse("deux mille cinq")).isEqualTo(2005);
    }
}
