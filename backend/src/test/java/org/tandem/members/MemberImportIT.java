package org.tandem.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/**
 * The pilot's CSV import, as the administrator's screen sends it (multipart over HTTP, real PostgreSQL):
 * all or nothing, the bad line named, the picker finding what was imported, and the directory's status.
 */
@TandemIntegrationTest
class MemberImportIT {

    static final String PREFIX = "T-IMP-" + (System.nanoTime() % 100_000) + "-";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @AfterEach
    void removeImported() {
        jdbc.sql("delete from member where id like ?").param(PREFIX + "%").update();
    }

    private Api.Response upload(String user, String csv) {
        return api.upload(
                user, "/api/admin/members/import", "societaires.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private long imported() {
        return jdbc.sql("select count(*) from member where id like ?")
                .param(PREFIX + "%")
                .query(Long.class)
                .single();
    }

    private List<String> picked(String q) {
        List<String> ids = new ArrayList<>();
        api.get("alice", "/api/members?q=" + q)
                .body()
                .forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    @Test
    void theAdministratorImportsAPilotsMembersAndTheAdvisersPickerFindsThem() {
        String csv = "id;firstName;lastName;birthDate;email;city\n"
                + PREFIX + "1;Gaëlle;Quéméner;14/02/1981;gaelle@example.org;Brest\n"
                + PREFIX + "2;Yann;Quéméner;;;Quimper\n";
        Api.Response done = upload("admin", csv);
        assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(200);
        assertThat(done.body().get("imported").asInt()).isEqualTo(2);
        assertThat(done.body().get("created").asInt()).isEqualTo(2);
        assertThat(done.body().get("updated").asInt()).isZero();
        assertThat(picked("quémé")).containsExactly(PREFIX + "1", PREFIX + "2");
        assertThat(jdbc.sql("select origin from member where id = ?")
                        .param(PREFIX + "1")
                        .query(String.class)
                        .single())
                .isEqualTo("csv");

        // a second import updates (the same numbers) and adds, never deletes
        Api.Response again = upload(
                "admin", "id,firstName,lastName\n" + PREFIX + "2,Yann,Le Gall\n" + PREFIX + "3,Nolwenn,Le Gall\n");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("created").asInt()).isEqualTo(1);
        assertThat(again.body().get("updated").asInt()).isEqualTo(1);
        assertThat(picked("le gall")).containsExactly(PREFIX + "3", PREFIX + "2");
        assertThat(imported()).isEqualTo(3);
    }

    @Test
    void aFileWithABadLineIsRefusedByItsNumberInFrenchAndNothingIsImported() {
        String csv = "id;firstName;lastName;birthDate\n"
                + PREFIX + "1;Anne;Valide;1980-01-01\n"
                + PREFIX + "2;Bruno;Valide;1981-01-01\n"
                + PREFIX + "3;Chloé;;1982-01-01\n";
        Api.Response refused = upload("admin", csv);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).isEqualTo("Ligne 4 : le nom (lastName) est obligatoire.");
        assertThat(refused.body().get("fieldErrors").get("file").asText())
                .isEqualTo("Ligne 4 : le nom (lastName) est obligatoire.");
        assertThat(imported()).as("nothing half-imported").isZero();
    }

    @Test
    void onlyAdministratorsImportAndAMissingFileIsExplained() {
        String csv = "id;firstName;lastName\n" + PREFIX + "1;A;B\n";
        for (String user : List.of("alice", "bob", "rachel", "marc")) {
            assertThat(upload(user, csv).status()).as(user).isEqualTo(403);
        }
        assertThat(imported()).isZero();
        Api.Response noFile = api.post("admin", "/api/admin/members/import", "{}");
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.body().get("message").asText())
                .isEqualTo("Choisissez le fichier CSV des sociétaires à importer.");
    }

    @Test
    void theStatusSaysWhichDirectoryServesAndTheCheckThatItAnswers() {
        JsonNode status = api.get("admin", "/api/admin/members/directory").body();
        assertThat(status.get("kind").asText()).isEqualTo("DATABASE");
        assertThat(status.get("baseUrl").isNull()).isTrue();
        assertThat(status.get("importAllowed").asBoolean()).isTrue();
        assertThat(status.get("storedMembers").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(status.get("csvColumns").get(0).asText()).isEqualTo("id");
        JsonNode check =
                api.post("admin", "/api/admin/members/directory/check", "").body();
        assertThat(check.get("reachable").asBoolean()).isTrue();
        assertThat(check.get("message").asText()).startsWith("L'annuaire des sociétaires répond (");
        assertThat(api.get("alice", "/api/admin/members/directory").status()).isEqualTo(403);
    }
}
