package org.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.Browser;
import org.tandem.support.OutsideDemoIntegrationTest;

/**
 * The administrator's accounts outside the demo: each wrong field is refused in French, named, and
 * creates nothing; a created account logs in with its password and holds the roles and groups chosen;
 * a person without the administrator role is refused. Real HTTP, real PostgreSQL.
 */
@OutsideDemoIntegrationTest
class AccountsIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    private final ObjectMapper json = new ObjectMapper();

    private static String body(String username, String password, String groups) {
        return """
                {"username":"%s","firstName":"Nadia","lastName":"Benali","email":"nadia@assureur.example",
                 "password":"%s","groups":%s}""".formatted(username, password, groups);
    }

    @Test
    void anAdministratorOpensAnAccountThatLogsInWithItsRolesAndEveryWrongFieldIsRefused() throws Exception {
        Browser admin = new Browser(port, "admin");
        assertThat(admin.login(OutsideDemoIntegrationTest.ADMIN_PASSWORD).statusCode())
                .isEqualTo(200);
        String username = "nadia-" + (System.nanoTime() % 1_000_000);

        List<String[]> refused = new ArrayList<>();
        refused.add(new String[] {body("Nadia B", "un-mot-de-passe-sur", "[\"advisers\"]"), "username"});
        refused.add(new String[] {body("admin", "un-mot-de-passe-sur", "[\"advisers\"]"), "username"});
        refused.add(new String[] {body(username, "court", "[\"advisers\"]"), "password"});
        refused.add(new String[] {body(username, username, "[\"advisers\"]"), "password"});
        refused.add(new String[] {body(username, "un-mot-de-passe-sur", "[]"), "groups"});
        refused.add(new String[] {body(username, "un-mot-de-passe-sur", "[\"member-relations-experts\"]"), "groups"});
        refused.add(new String[] {body(username, "un-mot-de-passe-sur", "[\"advisers\",\"nulle-part\"]"), "groups"});
        refused.add(new String[] {
            body(username, "un-mot-de-passe-sur", "[\"advisers\"]")
                    .replace("nadia@assureur.example", "pas-une-adresse"),
            "email"
        });
        refused.add(new String[] {
            body(username, "un-mot-de-passe-sur", "[\"advisers\"]").replace("\"Nadia\"", "\" \""), "firstName"
        });
        for (String[] r : refused) {
            HttpResponse<String> response = admin.json("POST", "/api/admin/accounts", r[0]);
            assertThat(response.statusCode()).as(r[0] + " → " + response.body()).isEqualTo(400);
            JsonNode error = json.readTree(response.body());
            assertThat(error.path("fieldErrors").has(r[1])).as(response.body()).isTrue();
        }
        assertThat(identityService.createUserQuery().userId(username).count())
                .as("a refused account is not created")
                .isZero();

        HttpResponse<String> created = admin.json(
                "POST",
                "/api/admin/accounts",
                body(username, "un-mot-de-passe-sur", "[\"experts\",\"member-relations-experts\"]"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode list = json.readTree(admin.get("/api/admin/accounts").body());
        JsonNode mine = null;
        for (JsonNode a : list.path("accounts")) {
            if (a.path("username").asText().equals(username)) {
                mine = a;
            }
        }
        assertThat(mine).as(list.toString()).isNotNull();
        assertThat(mine.path("groups").toString()).contains("\"experts\"", "\"member-relations-experts\"");
        assertThat(list.path("groups").toString()).contains("\"role\":\"ADVISER\"");

        Browser nadia = new Browser(port, username);
        assertThat(nadia.login("un-mot-de-passe-sur").statusCode()).isEqualTo(200);
        JsonNode me = json.readTree(nadia.get("/api/me").body());
        assertThat(me.path("roles").toString()).contains("EXPERT");
        assertThat(me.path("groups").toString()).contains("member-relations-experts");
        // an expert may not open accounts
        HttpResponse<String> byExpert = nadia.json(
                "POST", "/api/admin/accounts", body(username + "-bis", "un-mot-de-passe-sur", "[\"experts\"]"));
        assertThat(byExpert.statusCode()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId(username + "-bis").count())
                .isZero();
    }
}
