package org.tandem.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.platform.security.Identities;
import org.tandem.support.Browser;
import org.tandem.support.OutsideDemoIntegrationTest;

/**
 * The governance gate as an insurer's installation has it (no demo profile, governance required):
 * a use case no project governs refuses every request, saying who can open it; the first administrator
 * creates an entity, places an adviser and opens the use case with a reason, which the public page
 * shows; closing it closes it again; a use case a project governs opens only in its entities. Real
 * HTTP, real logins, real PostgreSQL.
 */
@OutsideDemoIntegrationTest
class GovernanceGateIT {

    static final String USE_CASE = "knowledge-answer";
    static final String ADVISER = "gate-nora";
    static final String OTHER_ADVISER = "gate-yann";

    @LocalServerPort
    int port;

    @Autowired
    Identities identities;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UseCaseEnablement enablement;

    private final ObjectMapper json = new ObjectMapper();
    private final String entity = "gate-agence-" + (System.nanoTime() % 1_000_000);
    private Browser admin;

    @BeforeEach
    void setUp() {
        identities.ensureUser(ADVISER, "Nora", "Conseillère", ADVISER, List.of("advisers"));
        identities.ensureUser(OTHER_ADVISER, "Yann", "Conseiller", OTHER_ADVISER, List.of("advisers"));
        admin = new Browser(port, "admin");
        HttpResponse<String> login = admin.login(OutsideDemoIntegrationTest.ADMIN_PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        admin.get("/api/me");
    }

    @AfterEach
    void cleanUp() {
        // an opening is never deleted: the test closes what it left open
        jdbc.sql("""
                        update use_case_opening set closed_by = 'test', closed_at = now(), close_reason = 'Fin du test.'
                        where closed_at is null""").update();
        jdbc.sql("delete from use_case_entity where use_case_key = ?")
                .param(USE_CASE)
                .update();
        jdbc.sql("delete from user_entity where username in (?, ?)")
                .params(ADVISER, OTHER_ADVISER)
                .update();
    }

    private JsonNode body(HttpResponse<String> r) {
        try {
            return json.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(r.body(), e);
        }
    }

    private HttpResponse<String> ask(Browser adviser) {
        return adviser.json("POST", "/api/cases", """
                {"useCaseKey":"knowledge-answer","subject":"Bris de glace",
                 "message":"Y a-t-il une franchise en cas de bris de glace sur le pare-brise ?"}""");
    }

    private HttpResponse<String> ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r;
    }

    private long cases(String user) {
        return jdbc.sql("select count(*) from content_case where requested_by = ?")
                .param(user)
                .query(Long.class)
                .single();
    }

    private JsonNode gate(String key) {
        for (JsonNode g : body(ok(admin.get("/api/governance/use-cases"), 200))) {
            if (g.get("useCaseKey").asText().equals(key)) {
                return g;
            }
        }
        throw new AssertionError(key);
    }

    private JsonNode publicUseCase(JsonNode report, String key) {
        for (JsonNode u : report.get("useCases")) {
            if (u.get("key").asText().equals(key)) {
                return u;
            }
        }
        return null;
    }

    private JsonNode transparency() {
        return body(ok(new Browser(port, null).get("/api/public/transparency"), 200));
    }

    @Test
    void outsideTheDemoNothingServesUngovernedAndTheRefusalSaysWhoCanOpenIt() {
        assertThat(enablement.governanceRequired()).isTrue();
        assertThat(enablement.modeOf(USE_CASE, null)).isEqualTo(EntityMode.NOT_ENABLED);
        assertThat(publicUseCase(transparency(), USE_CASE)).as("not in service").isNull();
        assertThat(gate(USE_CASE).get("state").asText()).isEqualTo("CLOSED");

        Browser nora = new Browser(port, ADVISER).loggedIn();
        long before = cases(ADVISER);
        HttpResponse<String> refused = ok(ask(nora), 403);
        String message = body(refused).get("message").asText();
        assertThat(message)
                .isEqualTo("Le cas d'usage « Assistant AMI — réponse à une question de conseiller, avec sources » n'est"
                        + " pas encore ouvert : aucun projet ne l'a mené jusqu'à une expérimentation ou un déploiement"
                        + " dans une entité. Il peut être ouvert par son projet, au fil de son cycle de vie"
                        + " (expérimentation puis déploiement, décidés par la direction et le comité éthique), ou, à"
                        + " titre exceptionnel, par un administrateur de Tandem, qui motive l'ouverture (elle est alors"
                        + " publiée sur la page de transparence).");
        assertThat(cases(ADVISER)).as("nothing left behind").isEqualTo(before);
    }

    @Test
    void theFirstAdministratorPlacesAnAdviserAndOpensTheUseCaseWithAReasonThatIsPublic() {
        // the organisation, from nothing: an entity and the adviser in it
        ok(admin.json("POST", "/api/entities", """
                {"code":"%s","name":"Agence pilote de Tours","kind":"AGENCY"}""".formatted(entity)), 201);
        ok(admin.json("PUT", "/api/entities/" + entity + "/people/" + ADVISER, null), 200);
        Browser nora = new Browser(port, ADVISER).loggedIn();
        assertThat(body(ok(ask(nora), 403)).get("message").asText()).contains("administrateur", "projet");

        // the opening needs a reason, a real use case, and an administrator
        HttpResponse<String> noReason = ok(admin.json("POST", "/api/governance/openings", """
                {"useCaseKey":"knowledge-answer","reason":"  "}"""), 400);
        assertThat(body(noReason).get("message").asText())
                .isEqualTo("Motivez la décision en 10 à 2 000 caractères : elle est enregistrée avec votre nom et"
                        + " publiée sur la page de transparence.");
        ok(admin.json("POST", "/api/governance/openings", """
                {"useCaseKey":"nulle-part","reason":"Une raison assez longue."}"""), 400);
        HttpResponse<String> byAdviser = nora.json("POST", "/api/governance/openings", """
                {"useCaseKey":"knowledge-answer","reason":"Je voudrais l'utiliser tout de suite."}""");
        assertThat(byAdviser.statusCode()).isEqualTo(403);

        String reason = "Outil interne sans donnée de sociétaire : ouvert pendant la préparation du projet.";
        JsonNode opening = body(ok(
                admin.json(
                        "POST",
                        "/api/governance/openings",
                        "{\"useCaseKey\":\"knowledge-answer\",\"reason\":\"" + reason + "\"}"),
                201));
        assertThat(opening.get("openedBy").asText()).isEqualTo("admin");
        assertThat(opening.get("reason").asText()).isEqualTo(reason);
        assertThat(opening.get("openedAt").isNull()).isFalse();
        assertThat(gate(USE_CASE).get("state").asText()).isEqualTo("OPENED_BY_ADMIN");
        assertThat(gate(USE_CASE).get("opening").get("id").asLong())
                .isEqualTo(opening.get("id").asLong());
        assertThat(gate("reply-letter").get("state").asText()).isEqualTo("CLOSED");
        HttpResponse<String> twice = ok(admin.json("POST", "/api/governance/openings", """
                {"useCaseKey":"knowledge-answer","reason":"Une deuxième fois, pour voir."}"""), 409);
        assertThat(body(twice).get("message").asText()).endsWith("est déjà ouvert.");

        long filed = body(ok(ask(nora), 201)).get("id").asLong();
        assertThat(jdbc.sql("select entity_code from content_case where id = ?")
                        .param(filed)
                        .query(String.class)
                        .single())
                .isEqualTo(entity);

        JsonNode report = transparency();
        assertThat(publicUseCase(report, USE_CASE).get("deployment").asText()).isEqualTo("EXCEPTION");
        JsonNode shown = null;
        for (JsonNode e : report.get("exceptions")) {
            if (e.get("reason").asText().equals(reason)) {
                shown = e;
            }
        }
        assertThat(shown).as("the opening is public").isNotNull();
        assertThat(shown.get("useCaseKey").asText()).isEqualTo(USE_CASE);
        assertThat(shown.get("closedAt").isNull()).isTrue();
        assertThat(shown.has("openedBy")).as("who it was stays inside").isFalse();

        // closing: with a reason too; then the gate is shut again
        ok(admin.json("POST", "/api/governance/openings/" + opening.get("id").asLong() + "/close", """
                {"reason":""}"""), 400);
        JsonNode closed = body(ok(
                admin.json(
                        "POST",
                        "/api/governance/openings/" + opening.get("id").asLong() + "/close",
                        "{\"reason\":\"Le projet prend le relais : expérimentation à Tours.\"}"),
                200));
        assertThat(closed.get("closedBy").asText()).isEqualTo("admin");
        ok(
                admin.json(
                        "POST",
                        "/api/governance/openings/" + opening.get("id").asLong() + "/close",
                        "{\"reason\":\"Encore une fois, pour voir.\"}"),
                409);
        ok(admin.json("POST", "/api/governance/openings/999999/close", "{\"reason\":\"Une raison valable.\"}"), 404);
        ok(ask(nora), 403);
        JsonNode after = transparency();
        assertThat(publicUseCase(after, USE_CASE)).isNull();
        boolean listedClosed = false;
        for (JsonNode e : after.get("exceptions")) {
            if (e.get("reason").asText().equals(reason)) {
                listedClosed = !e.get("closedAt").isNull()
                        && e.get("closeReason").asText().equals("Le projet prend le relais : expérimentation à Tours.");
            }
        }
        assertThat(listedClosed).as("a closed opening stays on the public page").isTrue();
        assertThatThrownBy(() -> jdbc.sql("delete from use_case_opening where id = ?")
                        .param(opening.get("id").asLong())
                        .update())
                .as("the history of openings is kept")
                .hasMessageContaining("keeps its history");
    }

    @Test
    void aUseCaseAProjectGovernsOpensInItsEntitiesOnlyAndNotByAnAdministrator() {
        ok(admin.json("POST", "/api/entities", """
                {"code":"%s","name":"Agence pilote de Blois","kind":"AGENCY"}""".formatted(entity)), 201);
        ok(admin.json("PUT", "/api/entities/" + entity + "/people/" + ADVISER, null), 200);
        enablement.set(USE_CASE, entity, "AI", 0L, "system");
        assertThat(gate(USE_CASE).get("state").asText()).isEqualTo("GOVERNED");
        assertThat(gate(USE_CASE).get("aiEntities").asInt()).isEqualTo(1);
        HttpResponse<String> refused = ok(admin.json("POST", "/api/governance/openings", """
                {"useCaseKey":"knowledge-answer","reason":"Ouvrir partout malgré le projet."}"""), 409);
        assertThat(body(refused).get("message").asText())
                .isEqualTo("Le cas d'usage « Assistant AMI — réponse à une question de conseiller, avec sources » est"
                        + " gouverné par un projet : il s'ouvre entité par entité au fil de son expérimentation et de"
                        + " son déploiement.");
        ok(ask(new Browser(port, ADVISER).loggedIn()), 201);
        HttpResponse<String> unplaced = ok(ask(new Browser(port, OTHER_ADVISER).loggedIn()), 403);
        assertThat(body(unplaced).get("message").asText())
                .startsWith(
                        "Ce cas d'usage est en cours de déploiement et votre compte n'est rattaché à aucune entité");
        JsonNode inService = publicUseCase(transparency(), USE_CASE);
        assertThat(inService.get("deployment").asText()).isEqualTo("PRODUCTION");
        assertThat(inService.get("aiEntities").asInt()).isEqualTo(1);
    }

    @Test
    void anOpeningClosesItselfWhenAProjectTakesTheUseCaseOver() {
        ok(admin.json("POST", "/api/entities", """
                {"code":"%s","name":"Agence pilote d'Angers","kind":"AGENCY"}""".formatted(entity)), 201);
        JsonNode opening = body(ok(admin.json("POST", "/api/governance/openings", """
                {"useCaseKey":"knowledge-answer","reason":"En attendant le projet de l'assistant."}"""), 201));
        enablement.set(USE_CASE, entity, "AI", 42L, "system");
        JsonNode closed = null;
        for (JsonNode o : body(ok(admin.get("/api/governance/openings"), 200))) {
            if (o.get("id").asLong() == opening.get("id").asLong()) {
                closed = o;
            }
        }
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(closed.get("closeReason").asText())
                .isEqualTo("Le projet n° 42 gouverne désormais ce cas d'usage, entité par entité.");
        assertThat(gate(USE_CASE).get("state").asText()).isEqualTo("GOVERNED");
        assertThat(gate(USE_CASE).get("projectId").asLong()).isEqualTo(42L);
    }

    @Test
    void theKillSwitchWinsOverAnOpening() {
        enablement.killUseCase(USE_CASE, "Fournisseur en panne.", "admin");
        try {
            HttpResponse<String> refused = ok(admin.json("POST", "/api/governance/openings", """
                    {"useCaseKey":"knowledge-answer","reason":"Ouvrir pendant la panne ?"}"""), 409);
            assertThat(body(refused).get("message").asText()).contains("coupée (plan de crise)");
            assertThat(gate(USE_CASE).get("state").asText()).isEqualTo("KILLED");
        } finally {
            enablement.reviveUseCase(USE_CASE);
        }
    }
}
