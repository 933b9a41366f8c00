package org.tandem.governance.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/**
 * The CSV import of entities and placements through /api on PostgreSQL: a good file creates, updates
 * and places in one go; a file with a bad line imports nothing and names each bad line by its number,
 * in French.
 */
@TandemIntegrationTest
class EntityImportIT {

    static final String P = "zz-imp-" + (System.nanoTime() % 1_000_000) + "-";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EntityDirectory directory;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from user_entity where username like ? or entity_code like ?")
                .params(P + "%", P + "%")
                .update();
        jdbc.sql("update business_entity set parent_code = null where code like ?")
                .param(P + "%")
                .update();
        jdbc.sql("delete from business_entity where code like ?").param(P + "%").update();
    }

    private Api.Response importJson(String csv) {
        return api.post("admin", "/api/entities/import", Map.of("csv", csv));
    }

    private long rows() {
        return jdbc.sql("select count(*) from business_entity where code like ?")
                        .param(P + "%")
                        .query(Long.class)
                        .single()
                + jdbc.sql("select count(*) from user_entity where username like ?")
                        .param(P + "%")
                        .query(Long.class)
                        .single();
    }

    @Test
    void aGoodFileCreatesUpdatesAndPlacesInOneGo() {
        String csv = """
                # l'organisation de l'Ouest
                type;code;nom;nature;parent
                entite;%1$sagence-brest;Agence de Brest;agence;%1$sdir-ouest
                entité;%1$sdir-ouest;"Direction Ouest; Bretagne";Direction;
                personne;%1$slea;%1$sagence-brest
                personne;%1$stom;%1$sdir-ouest

                person;%1$sali;%1$sagence-brest
                """.formatted(P);
        Api.Response done = importJson(csv);
        assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(200);
        assertThat(done.body().toString())
                .isEqualTo("{\"entitiesCreated\":2,\"entitiesUpdated\":0,\"peoplePlaced\":3}");
        assertThat(directory.find(P + "agence-brest"))
                .contains(
                        new BusinessEntity(P + "agence-brest", "Agence de Brest", EntityKind.AGENCY, P + "dir-ouest"));
        assertThat(directory.find(P + "dir-ouest"))
                .as("a quoted name keeps its separator; the parent may come after its child")
                .contains(
                        new BusinessEntity(P + "dir-ouest", "Direction Ouest; Bretagne", EntityKind.DIRECTORATE, null));
        assertThat(directory.placementOf(P + "lea")).hasValueSatisfying(p -> {
            assertThat(p.entityCode()).isEqualTo(P + "agence-brest");
            assertThat(p.source()).isEqualTo("IMPORT");
            assertThat(p.placedBy()).isEqualTo("admin");
        });

        // again, with commas: the known entity is updated, a person moved
        String again = """
                entity,%1$sagence-brest,"Agence de Brest, port",service,
                person,%1$slea,%1$sdir-ouest
                """.formatted(P);
        Api.Response second = importJson(again);
        assertThat(second.body().toString())
                .isEqualTo("{\"entitiesCreated\":0,\"entitiesUpdated\":1,\"peoplePlaced\":1}");
        assertThat(directory.find(P + "agence-brest"))
                .contains(new BusinessEntity(P + "agence-brest", "Agence de Brest, port", EntityKind.SERVICE, null));
        assertThat(directory.entityOf(P + "lea")).contains(P + "dir-ouest");
    }

    @Test
    void theFileMayBePostedAsItIs() {
        String csv =
                "\uFEFFentite;" + P + "csv;Agence « accentuée » éèà;agence;\r\npersonne;" + P + "zoe;" + P + "csv\r\n";
        Api.Response done = api.post("admin", "/api/entities/import", "text/csv", csv);
        assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(200);
        assertThat(directory.nameOf(P + "csv")).isEqualTo("Agence « accentuée » éèà");
        assertThat(directory.entityOf(P + "zoe")).contains(P + "csv");
    }

    @Test
    void aBadLineImportsNothingAndIsNamedByItsNumber() {
        long before = rows();
        String csv = """
                entite;%1$sa;Agence A;agence;
                entite;%1$sb;Agence B;agence;%1$sa
                personne;%1$slea;%1$sb
                entite;%1$sc;Agence C;bureau;
                personne;%1$stom;%1$sinconnue
                """.formatted(P);
        Api.Response refused = importJson(csv);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText())
                .isEqualTo("Import refusé, rien n'a été importé. Ligne 4 : La nature de l'entité est agence, service"
                        + " ou direction. ; ligne 5 : l'entité « " + P + "inconnue » n'existe ni dans Tandem ni dans"
                        + " le fichier.");
        assertThat(refused.body().get("fieldErrors").has("csv")).isTrue();
        assertThat(rows()).as("nothing half-imported").isEqualTo(before);
    }

    @Test
    void eachKindOfMistakeHasItsSentence() {
        Map<String, String> mistakes = Map.ofEntries(
                Map.entry("bureau;x;y", "Ligne 1 : le premier champ est « entite » ou « personne », pas « bureau »."),
                Map.entry(
                        "entite;" + P + "a;Agence A",
                        "Ligne 1 : une ligne d'entité a 4 ou 5 champs (entite ; code ; nom ; nature ; parent), pas 3."),
                Map.entry("entite;agence de brest;Brest;agence;", "Ligne 1 : " + EntityRules.BAD_CODE),
                Map.entry("entite;" + P + "a;;agence;", "Ligne 1 : " + EntityRules.BAD_NAME),
                Map.entry(
                        "entite;" + P + "a;A;agence;" + P + "absente",
                        "Ligne 1 : l'entité parente « " + P + "absente » n'existe ni dans Tandem ni dans le fichier."),
                Map.entry(
                        "entite;" + P + "a;A;agence;" + P + "b\nentite;" + P + "b;B;agence;" + P + "a",
                        "Ligne 1 : « " + P + "a » se retrouverait sous elle-même (boucle dans les parents). ; ligne 2"
                                + " : « " + P + "b » se retrouverait sous elle-même (boucle dans les parents)."),
                Map.entry(
                        "entite;" + P + "a;A;agence;\n\nentite;" + P + "a;A bis;agence;",
                        "Ligne 3 : l'entité « " + P + "a » figure déjà ligne 1."),
                Map.entry(
                        "personne;" + P + "lea;agence-niort\npersonne;" + P + "lea;agence-lyon",
                        "Ligne 2 : " + P + "lea figure déjà ligne 1 : une personne est dans une seule entité."),
                Map.entry("personne;lea martin;agence-niort", "Ligne 1 : " + EntityRules.BAD_USERNAME),
                Map.entry(
                        "personne;" + P + "lea",
                        "Ligne 1 : une ligne de personne a 3 champs (personne ; identifiant ; code de l'entité), pas 2."),
                Map.entry(
                        "entite;" + P + "a;\"Agence ouverte;agence;",
                        "Ligne 1 : un guillemet ouvert n'est pas refermé sur la ligne."),
                Map.entry(
                        "# rien\n\n",
                        "Le fichier ne contient aucune ligne « entite » ni « personne » : rien à importer."));
        long before = rows();
        mistakes.forEach((csv, expected) -> {
            Api.Response refused = importJson(csv);
            assertThat(refused.status()).as(csv).isEqualTo(400);
            String message = refused.body().get("message").asText();
            assertThat(message).as(csv).endsWith(expected);
        });
        assertThat(rows()).isEqualTo(before);
        Api.Response blank = importJson("   ");
        assertThat(blank.body().get("message").asText())
                .isEqualTo("Le fichier est vide : il faut au moins une ligne « entite » ou « personne ».");
    }

    @Test
    void aLongListOfMistakesIsCutAfterTwenty() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            csv.append("personne;")
                    .append(P)
                    .append("p")
                    .append(i)
                    .append(";")
                    .append(P)
                    .append("absente\n");
        }
        String message = importJson(csv.toString()).body().get("message").asText();
        assertThat(message)
                .contains("Ligne 1 :", "ligne 20 :")
                .doesNotContain("ligne 21 :")
                .endsWith("; et 5 autre(s)");
    }

    @Test
    void onlyAnAdministratorImports() {
        for (String user : List.of("alice", "marc", "diane", "rachel", "portal")) {
            assertThat(api.post(user, "/api/entities/import", Map.of("csv", "entite;" + P + "x;X;agence;"))
                            .status())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(directory.find(P + "x")).isEmpty();
    }
}
