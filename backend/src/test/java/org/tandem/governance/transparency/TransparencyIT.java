package org.tandem.governance.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.governance.lifecycle.EthicsCriterion;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/**
 * The public transparency page's data: open without a session over real HTTP (the CSP still
 * sent), nothing personal in it, the disclosure rows exactly those the engine decides with, and a
 * use case under experiment shown as such (the meeting report, cleaned up after each test as in
 * LifecycleIT).
 */
@TandemIntegrationTest
class TransparencyIT {

    static final String USE_CASE = "meeting-report";
    static final List<String> DEMO_USERS = List.of(
            "alice", "paul", "bob", "chloe", "ines", "hugo", "marc", "diane", "eric", "rachel", "portal", "admin");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DecisionService decisions;

    @Autowired
    UseCaseEnablement enablement;

    final ObjectMapper json = new ObjectMapper();
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        clear();
    }

    @AfterEach
    void clear() {
        jdbc.sql("delete from use_case_entity where use_case_key = ?")
                .param(USE_CASE)
                .update();
        jdbc.sql("delete from use_case_kill_switch where use_case_key = ?")
                .param(USE_CASE)
                .update();
    }

    private HttpResponse<String> anonymousGet() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/transparency"))
                                .header("Accept", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anyoneReadsItWithoutASessionAndItNamesNoPersonNorMember() throws Exception {
        HttpResponse<String> response = anonymousGet();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("useCases").size()).isPositive();
        assertThat(body.get("provider").get("kind").asText()).isEqualTo("OFFLINE");
        assertThat(body.get("pseudonymisation").asText()).isEqualTo(TransparencyReport.NO_MODEL);

        // whatever the other tests left in the database (cases, projects, members), nothing of it here
        String text = response.body().toLowerCase();
        List<String> people = new ArrayList<>(DEMO_USERS);
        people.addAll(jdbc.sql("select distinct submitted_by from genai_project")
                .query(String.class)
                .list());
        for (String user : people) {
            assertThat(text).as("user name " + user).doesNotContainPattern("\\b" + user.toLowerCase() + "\\b");
        }
        List<Map<String, Object>> members = jdbc.sql("select id, last_name, email, policy_number from member")
                .query()
                .listOfRows();
        assertThat(members).isNotEmpty();
        for (Map<String, Object> m : members) {
            for (Object value : m.values()) {
                if (value != null) {
                    assertThat(text)
                            .as("member data")
                            .doesNotContain(value.toString().toLowerCase());
                }
            }
        }
        assertThat(text).doesNotContain("submittedby", "entitycode", "caseid", "\"rationale\"");
    }

    @Test
    void theFootprintIsTheSumOfTheRecordedModelCallsPerMonth() throws Exception {
        // a call of more than a year ago is not on the page, even when few months have calls
        long old = jdbc.sql("""
                        insert into model_call (use_case_key, provider, model, input_tokens, output_tokens, latency_ms,
                                                outcome, created_at)
                        values ('reply-letter', 'mistral', 'mistral-small-latest', 10, 10, 1, 'OK', now() - interval '400 days')
                        returning id""").query(Long.class).single();
        JsonNode months;
        try {
            months = json.readTree(anonymousGet().body()).get("footprint");
        } finally {
            jdbc.sql("delete from model_call where id = ?").param(old).update();
        }
        long drafts = StreamSupport.stream(months.spliterator(), false)
                .mapToLong(m -> m.get("aiDrafts").asLong())
                .sum();
        long expected = jdbc.sql("""
                        select count(*) from model_call where outcome <> 'FAILED' and provider <> 'offline'
                        and created_at >= date_trunc('month', now() at time zone 'Europe/Paris') - interval '11 months'""").query(Long.class).single();
        assertThat(drafts).isEqualTo(expected);
        List<String> order = StreamSupport.stream(months.spliterator(), false)
                .map(m -> m.get("month").asText())
                .toList();
        assertThat(order).isSorted().hasSizeLessThanOrEqualTo(TransparencyService.MONTHS);
    }

    @Test
    void theDisclosureRowsAreTheDeployedDecisionsRows() throws Exception {
        JsonNode rules = json.readTree(anonymousGet().body()).get("disclosureRules");
        // the file, read on its own: same rows in the same order
        DecisionTable table = (DecisionTable) Dmn.readModelFromFile(new File("../processes/disclosure-policy.dmn"))
                .getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)
                .iterator()
                .next()
                .getExpression();
        List<String> ids = table.getRules().stream().map(Rule::getId).toList();
        assertThat(StreamSupport.stream(rules.spliterator(), false)
                        .map(r -> r.get("ruleId").asText())
                        .toList())
                .isEqualTo(ids);
        // and each row says what the engine decides for a case it covers
        for (JsonNode rule : rules) {
            boolean checked = rule.get("checkedByHuman").isNull()
                    ? false
                    : rule.get("checkedByHuman").asBoolean();
            double share = rule.get("aiShareOperator").isNull()
                    ? 0.7
                    : rule.get("aiShareUpperOperator").isNull()
                            ? sample(
                                    rule.get("aiShareOperator").asText(),
                                    rule.get("aiShareThreshold").asDouble())
                            // an interval: its middle
                            : (rule.get("aiShareThreshold").asDouble()
                                            + rule.get("aiShareUpperThreshold").asDouble())
                                    / 2;
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("checkedByHuman", checked);
            inputs.put("aiShare", share);
            var result = decisions
                    .evaluateDecisionTableByKey(DisclosurePolicyReader.DECISION_KEY, inputs)
                    .getSingleResult();
            assertThat((String) result.getEntry("category"))
                    .as(rule.toString())
                    .isEqualTo(rule.get("category").asText());
            Object label = result.getEntryMap().get("label");
            assertThat(label == null || label.toString().isBlank() ? null : label.toString())
                    .as(rule.toString())
                    .isEqualTo(
                            rule.get("label").isNull()
                                    ? null
                                    : rule.get("label").asText());
            assertThat((Boolean) result.getEntry("citeSources"))
                    .isEqualTo(rule.get("citeSources").asBoolean());
        }
        assertThat(rules.get(0).get("label").asText()).startsWith("Cette réponse a été produite");
    }

    /** A share the comparison accepts. */
    private static double sample(String operator, double threshold) {
        return switch (operator) {
            case "<" -> threshold - 0.1;
            case ">" -> threshold + 0.1;
            default -> threshold;
        };
    }

    @Test
    void aUseCaseUnderExperimentShowsItsStageAndAKilledOneDisappears() throws Exception {
        assertThat(useCase(USE_CASE).get("deployment").asText()).isEqualTo("EVERYWHERE");
        long id = api.post(
                        "alice",
                        "/api/ideas",
                        Map.of(
                                "title",
                                "Transparence : compte-rendu",
                                "problem",
                                "Rédiger le compte-rendu d'un entretien prend du temps.",
                                "team",
                                "Conseillers",
                                "frequency",
                                "dix par jour",
                                "timeSpent",
                                "20 minutes",
                                "dataInvolved",
                                "notes d'entretien",
                                "directorateCode",
                                "reseau"))
                .body()
                .get("id")
                .asLong();
        ok(api.post("rachel", "/api/ideas/" + id + "/triage", Map.of("decision", "ACCEPT")));
        ok(
                api.post(
                        "rachel",
                        "/api/projects/" + id + "/necessity",
                        Map.of(
                                "text",
                                "Les notes sont libres et chaque entretien est différent : un modèle de courrier ne suffit pas.")));
        Map<String, Object> score = new HashMap<>(Map.of(
                "casesPerYear",
                24000,
                "minutesSavedPerCase",
                10.0,
                "memberBenefit",
                3,
                "buildCostEur",
                30000.0,
                "model",
                "mistral-small",
                "inputTokensPerCase",
                1500,
                "outputTokensPerCase",
                500,
                "feasibility",
                4,
                "riskTier",
                "LIMITED"));
        ok(api.post("diane", "/api/portfolio/projects/" + id + "/score", score));
        ok(api.post(
                "diane",
                "/api/portfolio/projects/" + id + "/decision",
                Map.of("decision", "SELECT", "rationale", "Fort volume.")));
        List<Map<String, String>> verdicts = new ArrayList<>();
        for (EthicsCriterion c : EthicsCriterion.values()) {
            verdicts.add(Map.of("criterion", c.name(), "verdict", "FAVOURABLE", "comment", "Vu."));
        }
        ok(api.post("eric", "/api/projects/" + id + "/ethics", Map.of("verdicts", verdicts, "outcome", "APPROVE")));
        ok(api.post(
                "marc",
                "/api/projects/" + id + "/experiment",
                Map.of(
                        "useCaseKey",
                        USE_CASE,
                        "pilotEntities",
                        List.of("agence-niort"),
                        "controlEntities",
                        List.of("agence-lyon"),
                        "keyUsers",
                        List.of(),
                        "kpis",
                        List.of(Map.of("metric", "TIME_TO_APPROVAL", "target", 30.0, "guardrail", 60.0)))));

        JsonNode meeting = useCase(USE_CASE);
        assertThat(meeting.get("deployment").asText()).isEqualTo("EXPERIMENT");
        assertThat(meeting.get("aiEntities").asInt()).isEqualTo(1);
        assertThat(meeting.get("humanReview").asBoolean()).isTrue();

        enablement.killUseCase(USE_CASE, "test", "admin");
        assertThat(useCaseOrNull(USE_CASE)).isNull();
    }

    private JsonNode useCase(String key) throws Exception {
        JsonNode found = useCaseOrNull(key);
        assertThat(found).as(key + " on the public page").isNotNull();
        return found;
    }

    private JsonNode useCaseOrNull(String key) throws Exception {
        for (JsonNode u : json.readTree(anonymousGet().body()).get("useCases")) {
            if (u.get("key").asText().equals(key)) {
                return u;
            }
        }
        return null;
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    }
}
