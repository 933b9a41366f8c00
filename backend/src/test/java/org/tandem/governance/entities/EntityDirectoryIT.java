package org.tandem.governance.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/** The business entities and who works in which, as the demo places people and as a manager moves them. */
@TandemIntegrationTest
class EntityDirectoryIT {

    /** Sorts after the demo's codes, so tests that take "the first entity" never meet it. */
    static final String PREFIX = "zz-test-" + (System.nanoTime() % 1_000_000) + "-";

    @Autowired
    EntityDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    final List<String> codes = new ArrayList<>();

    @AfterEach
    void removeTestEntities() {
        jdbc.sql("delete from user_entity where username like ?")
                .param(PREFIX + "%")
                .update();
        codes.forEach(code -> jdbc.sql("delete from business_entity where code = ?")
                .param(code)
                .update());
    }

    private String entity(String suffix, String name) {
        String code = PREFIX + suffix;
        codes.add(code);
        directory.ensureEntity(code, name);
        return code;
    }

    @Test
    void eachDemoUserWorksInTheirEntity() {
        assertThat(directory.entityOf("alice")).contains("agence-niort");
        assertThat(directory.entityOf("paul")).contains("agence-lyon");
        assertThat(directory.entityOf("ines")).contains("centre-sinistres");
        assertThat(directory.entityOf("diane"))
                .as("the directorate belongs to no entity")
                .isEmpty();
        assertThat(directory.entityOf("nobody")).isEmpty();
        assertThat(directory.usersOf("centre-sinistres"))
                .contains("hugo", "ines")
                .isSorted();
    }

    @Test
    void entitiesAreListedByNameAndNamedByCode() {
        assertThat(directory.all())
                .extracting(BusinessEntity::name)
                .containsSubsequence(
                        "Agence de Lille",
                        "Agence de Lyon",
                        "Agence de Nantes",
                        "Agence de Niort",
                        "Centre de gestion des sinistres de Poitiers");
        assertThat(directory.find("agence-lyon"))
                .contains(new BusinessEntity("agence-lyon", "Agence de Lyon", EntityKind.AGENCY, "direction-reseau"));
        assertThat(directory.find("agence-paris")).isEmpty();
        assertThat(directory.nameOf("agence-nantes")).isEqualTo("Agence de Nantes");
        assertThat(directory.nameOf("agence-paris"))
                .as("an unknown code is its own name")
                .isEqualTo("agence-paris");
    }

    @Test
    void anEntityIsCreatedOnceAndKeepsItsFirstName() {
        String code = entity("brest", "Agence de Brest");
        directory.ensureEntity(code, "Agence de Brest (renommée)");
        assertThat(directory.nameOf(code)).isEqualTo("Agence de Brest");
    }

    @Test
    void aPersonWorksInOneEntityAtATime() {
        String from = entity("rennes", "Agence de Rennes");
        String to = entity("vannes", "Agence de Vannes");
        String person = PREFIX + "lea";
        directory.assign(person, from);
        assertThat(directory.entityOf(person)).contains(from);
        directory.assign(person, to);
        assertThat(directory.entityOf(person)).contains(to);
        assertThat(directory.usersOf(from)).isEmpty();
        assertThat(directory.usersOf(to)).containsExactly(person);
    }

    @Test
    void everySignedInPersonMayListTheEntities() {
        Api api = new Api(mvc);
        for (String user : List.of("alice", "ines", "portal", "diane")) {
            Api.Response list = api.get(user, "/api/entities");
            assertThat(list.status()).as(user).isEqualTo(200);
            assertThat(list.body().size()).as(user).isGreaterThanOrEqualTo(5);
        }
        Api.Response list = api.get("alice", "/api/entities");
        List<String> codes = new ArrayList<>();
        list.body().forEach(e -> codes.add(e.get("code").asText()));
        assertThat(codes).contains("agence-niort", "centre-sinistres");
        assertThat(list.body().get(0).has("name")).isTrue();
        assertThat(api.get(null, "/api/entities").status()).isEqualTo(401);
    }
}
