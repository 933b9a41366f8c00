package org.tandem.governance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.governance.EntityMode;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.governance.entities.EntityDirectory;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/**
 * A project from an employee's idea to a rolled-out use case, through /api, the real engine and
 * PostgreSQL, each step by its role; KPIs come from real content cases of pilot and control entities.
 * The use case under experiment is the meeting report; its rollout data is removed after each test so
 * the other tests find it enabled everywhere, as before.
 */
@TandemIntegrationTest
class LifecycleIT {

    static final String USE_CASE = "meeting-report";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;

    @Autowired
    UseCaseEnablement enablement;

    @Autowired
    EntityDirectory directory;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        clearRollout();
    }

    @AfterEach
    void clearRollout() {
        jdbc.sql("delete from use_case_entity where use_case_key = ?")
                .param(USE_CASE)
                .update();
        jdbc.sql("delete from use_case_kill_switch where use_case_key = ?")
                .param(USE_CASE)
                .update();
        directory.assign("paul", "agence-lyon");
    }

    // ---------------------------------------------------------------- helpers

    private long submitIdea(String user, String title) {
        Api.Response r = api.post(
                user,
                "/api/ideas",
                Map.of(
                        "title",
                        title,
                        "problem",
                        "Rédiger le compte-rendu d'un entretien prend du temps et retarde l'envoi au sociétaire.",
                        "team",
                        "Conseillers de l'agence",
                        "frequency",
                        "une dizaine de fois par jour",
                        "timeSpent",
                        "20 minutes par compte-rendu",
                        "dataInvolved",
                        "notes d'entretien, nom du sociétaire",
                        "directorateCode",
                        "reseau"));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private String stage(long id) {
        return jdbc.sql("select stage from genai_project where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        return r;
    }

    private Map<String, Object> scoring() {
        Map<String, Object> s = new HashMap<>();
        s.put("casesPerYear", 24000);
        s.put("minutesSavedPerCase", 10.0);
        s.put("memberBenefit", 3);
        s.put("buildCostEur", 30000.0);
        s.put("model", "mistral-small");
        s.put("inputTokensPerCase", 1500);
        s.put("outputTokensPerCase", 500);
        s.put("feasibility", 4);
        s.put("riskTier", "LIMITED");
        return s;
    }

    private Map<String, Object> ethics(String outcome, String conditions) {
        List<Map<String, String>> verdicts = new ArrayList<>();
        for (EthicsCriterion c : EthicsCriterion.values()) {
            verdicts.add(Map.of("criterion", c.name(), "verdict", "FAVOURABLE", "comment", "Vu : " + c.label()));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("verdicts", verdicts);
        body.put("outcome", outcome);
        body.put("conditions", conditions);
        return body;
    }

    private void prepareUpToExperiment(long id) {
        ok(api.post("rachel", "/api/ideas/" + id + "/triage", Map.of("decision", "ACCEPT")));
        ok(
                api.post(
                        "rachel",
                        "/api/projects/" + id + "/necessity",
                        Map.of(
                                "text",
                                "Les notes sont libres et chaque entretien est différent : un modèle de courrier ne suffit pas.")));
        ok(api.post("diane", "/api/portfolio/projects/" + id + "/score", scoring()));
        ok(api.post(
                "diane",
                "/api/portfolio/projects/" + id + "/decision",
                Map.of("decision", "SELECT", "rationale", "Fort volume, gain de temps mesurable.")));
        ok(api.post("eric", "/api/projects/" + id + "/ethics", ethics("APPROVE", null)));
        assertThat(stage(id)).isEqualTo("EXPERIMENT");
    }

    private Map<String, Object> experimentSetup(List<Map<String, Object>> kpis) {
        return Map.of(
                "useCaseKey",
                USE_CASE,
                "pilotEntities",
                List.of("agence-niort"),
                "controlEntities",
                List.of("agence-lyon"),
                "keyUsers",
                List.of("alice", "paul"),
                "kpis",
                kpis);
    }

    private static Map<String, Object> kpi(String metric, Double baseline, double target, double guardrail) {
        Map<String, Object> k = new HashMap<>();
        k.put("metric", metric);
        k.put("baseline", baseline);
        k.put("target", target);
        k.put("guardrail", guardrail);
        return k;
    }

    private long openCase(String adviser, String subject) {
        Api.Response created = api.post(
                adviser,
                "/api/cases",
                Map.of(
                        "useCaseKey",
                        USE_CASE,
                        "memberId",
                        "M-1001",
                        "subject",
                        subject,
                        "message",
                        "Notes : le sociétaire souhaite revoir sa garantie habitation ; "
                                + "devis à envoyer ; rappel dans quinze jours."));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private String caseStatus(long caseId) {
        return jdbc.sql("select status from content_case where id = ?")
                .param(caseId)
                .query(String.class)
                .single();
    }

    private String awaitStatus(long caseId, String... statuses) {
        return Eventually.await("case " + caseId + " in " + String.join("/", statuses), Duration.ofSeconds(20), () -> {
            String s = caseStatus(caseId);
            return List.of(statuses).contains(s) ? s : null;
        });
    }

    private String awaitTask(String user, long caseId, String taskKey) {
        return Eventually.await(taskKey + " of case " + caseId, Duration.ofSeconds(10), () -> {
            JsonNode tasks = api.get(user, "/api/tasks").body().path("items");
            return StreamSupport.stream(tasks.spliterator(), false)
                    .filter(t -> t.get("caseId").asLong() == caseId
                            && t.get("taskKey").asText().equals(taskKey))
                    .map(t -> t.get("id").asText())
                    .findFirst()
                    .orElse(null);
        });
    }

    private static final String REPORT = "Madame, Monsieur,\n\nSuite à notre entretien, nous vous adressons le devis "
            + "de votre garantie habitation. Nous vous rappellerons dans quinze jours.\n\nVotre conseiller";

    /** Approves as the task page does: the whole text displayed first (the server refuses otherwise). */
    private void approveAsTheScreenDoes(String user, String taskId) {
        ok(api.post(user, "/api/tasks/" + taskId + "/viewed", Map.of("timeSpentMs", 5000)));
        ok(api.post(user, "/api/tasks/" + taskId + "/complete", Map.of("decision", "APPROVE")));
    }

    /** Pilot path: the AI drafted, the expert edits and approves. */
    private void editAndApprove(long caseId) {
        awaitStatus(caseId, "IN_REVIEW");
        ok(api.post(
                "bob", "/api/tasks/" + awaitTask("bob", caseId, "review") + "/complete", Map.of("decision", "EDIT")));
        ok(api.post(
                "bob",
                "/api/tasks/" + awaitTask("bob", caseId, "edit") + "/complete",
                Map.of("decision", "SUBMIT", "text", REPORT)));
        approveAsTheScreenDoes("bob", awaitTask("bob", caseId, "approve"));
    }

    /** Control path: no AI step, the adviser writes by hand, the expert approves. */
    private void handDraftAndApprove(String adviser, long caseId) {
        assertThat(awaitStatus(caseId, "HAND_DRAFTING", "IN_REVIEW")).isEqualTo("HAND_DRAFTING");
        ok(api.post(
                adviser,
                "/api/tasks/" + awaitTask(adviser, caseId, "handDraft") + "/complete",
                Map.of("decision", "SUBMIT", "text", REPORT)));
        approveAsTheScreenDoes("bob", awaitTask("bob", caseId, "approve"));
    }

    private String instanceOf(long caseId) {
        return jdbc.sql("select process_instance_id from content_case where id = ?")
                .param(caseId)
                .query(String.class)
                .single();
    }

    private long activityCount(long caseId, String activityId) {
        return historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instanceOf(caseId))
                .activityId(activityId)
                .count();
    }

    private String processKey(long caseId) {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instanceOf(caseId))
                .singleResult()
                .getProcessDefinitionKey();
    }

    private JsonNode kpiOf(JsonNode kpis, String metric) {
        return StreamSupport.stream(kpis.spliterator(), false)
                .filter(k -> k.get("metric").asText().equals(metric))
                .findFirst()
                .orElseThrow();
    }

    private double meanMinutesToApproval(List<Long> caseIds) {
        return caseIds.stream()
                .mapToDouble(id -> jdbc.sql("select time_to_approval_ms from case_metrics where case_id = ?")
                                .param(id)
                                .query(Long.class)
                                .single()
                        / 60_000.0)
                .average()
                .orElseThrow();
    }

    private String processTask(long projectId, String taskKey) {
        return Eventually.await(
                taskKey + " of project " + projectId,
                Duration.ofSeconds(10),
                () -> StreamSupport.stream(
                                api.get("marc", "/api/projects/" + projectId)
                                        .body()
                                        .get("openTasks")
                                        .spliterator(),
                                false)
                        .filter(t -> t.get("taskKey").asText().equals(taskKey))
                        .map(t -> t.get("id").asText())
                        .findFirst()
                        .orElse(null));
    }

    private Job monitorTimer(long waveId) {
        var wave = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("genai-rollout-wave")
                .variableValueEquals("waveId", waveId)
                .singleResult();
        return managementService
                .createJobQuery()
                .processInstanceId(wave.getId())
                .timers()
                .singleResult();
    }

    // ---------------------------------------------------------------- tests

    @Test
    void fromAnIdeaToARolledOutUseCaseWithKpisFromRealCases() {
        // prepare: any employee files an idea and follows it
        long id = submitIdea("alice", "Compte-rendu d'entretien assisté");
        JsonNode mine = api.get("alice", "/api/ideas/mine").body();
        assertThat(StreamSupport.stream(mine.spliterator(), false)
                        .filter(i -> i.get("id").asLong() == id)
                        .findFirst()
                        .orElseThrow()
                        .get("stage")
                        .asText())
                .isEqualTo("TRIAGE");
        assertThat(api.post("bob", "/api/ideas/" + id + "/triage", Map.of("decision", "ACCEPT"))
                        .status())
                .as("only AI referents triage")
                .isEqualTo(403);
        ok(api.post("rachel", "/api/ideas/" + id + "/triage", Map.of("decision", "ACCEPT")));
        assertThat(stage(id)).isEqualTo("NECESSITY");

        // necessity: the question must be answered before any scoring
        assertThat(api.post("diane", "/api/portfolio/projects/" + id + "/score", scoring())
                        .status())
                .as("no scoring before the necessity check")
                .isEqualTo(409);
        assertThat(api.post("rachel", "/api/projects/" + id + "/necessity", Map.of("text", ""))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "alice",
                                "/api/projects/" + id + "/necessity",
                                Map.of("text", "Parce que c'est bien plus rapide qu'un formulaire figé."))
                        .status())
                .as("the referent answers it (with the author), not the author alone")
                .isEqualTo(403);
        ok(
                api.post(
                        "rachel",
                        "/api/projects/" + id + "/necessity",
                        Map.of(
                                "text",
                                "Les notes sont libres et chaque entretien est différent : un modèle de courrier ne suffit pas.")));
        assertThat(stage(id)).isEqualTo("SCORING");

        // scoring and selection: the directorate only
        assertThat(api.post("alice", "/api/portfolio/projects/" + id + "/score", scoring())
                        .status())
                .isEqualTo(403);
        assertThat(api.post("marc", "/api/portfolio/projects/" + id + "/score", scoring())
                        .status())
                .isEqualTo(403);
        JsonNode score = ok(api.post("diane", "/api/portfolio/projects/" + id + "/score", scoring()))
                .body();
        assertThat(score.get("energyKwhMax").asDouble())
                .as("forecast from volume × tokens")
                .isGreaterThan(0);
        assertThat(score.get("totalScore").asDouble()).isBetween(0.0, 100.0);
        assertThat(score.get("weights").asText()).contains("valeur 30");
        assertThat(api.post("diane", "/api/portfolio/projects/" + id + "/decision", Map.of("decision", "SELECT"))
                        .status())
                .as("a decision needs its rationale")
                .isEqualTo(400);
        ok(api.post(
                "diane",
                "/api/portfolio/projects/" + id + "/decision",
                Map.of("decision", "SELECT", "rationale", "Fort volume, gain de temps mesurable, risque limité.")));
        JsonNode ranking = api.get("diane", "/api/portfolio?directorate=reseau").body();
        JsonNode ranked = StreamSupport.stream(ranking.spliterator(), false)
                .filter(r -> r.get("projectId").asLong() == id)
                .findFirst()
                .orElseThrow();
        assertThat(ranked.get("selection").asText()).isEqualTo("SELECT");
        assertThat(ranked.get("selectedBy").asText()).isEqualTo("diane");

        // ethics before the experiment: rework, then approval with conditions
        assertThat(stage(id)).isEqualTo("ETHICS");
        assertThat(api.post("diane", "/api/projects/" + id + "/ethics", ethics("APPROVE", null))
                        .status())
                .isEqualTo(403);
        Map<String, Object> incomplete = ethics("APPROVE", null);
        incomplete.put("verdicts", ((List<?>) incomplete.get("verdicts")).subList(0, 8));
        assertThat(api.post("eric", "/api/projects/" + id + "/ethics", incomplete)
                        .status())
                .as("all nine criteria are judged")
                .isEqualTo(400);
        ok(api.post(
                "eric",
                "/api/projects/" + id + "/ethics",
                ethics("REWORK", "Préciser la durée de conservation des notes.")));
        assertThat(stage(id)).isEqualTo("REWORK");
        ok(api.post("rachel", "/api/projects/" + id + "/rework", Map.of("text", "Notes supprimées après 30 jours.")));
        assertThat(stage(id)).isEqualTo("ETHICS");
        JsonNode review = ok(api.post(
                        "eric",
                        "/api/projects/" + id + "/ethics",
                        ethics("APPROVE_WITH_CONDITIONS", "Les notes ne contiennent aucune donnée de santé.")))
                .body();
        assertThat(review.get("gate").asText()).isEqualTo("EXPERIMENT");
        assertThat(review.get("verdicts")).hasSize(9);
        assertThat(stage(id)).isEqualTo("EXPERIMENT");

        // experiment: pilot agence-niort (alice) with AI, control agence-lyon (paul) without
        assertThat(api.post("rachel", "/api/projects/" + id + "/experiment", experimentSetup(List.of()))
                        .status())
                .isEqualTo(403);
        ok(api.post(
                "marc",
                "/api/projects/" + id + "/experiment",
                experimentSetup(List.of(
                        kpi("TIME_TO_APPROVAL", 20.0, 10, 30),
                        kpi("HAND_DRAFTING_RATE", null, 10, 50),
                        kpi("ENERGY_PER_CONTENT", null, 1, 5),
                        kpi("ACCEPTED_WITHOUT_EDIT", null, 60, 20),
                        kpi("WORK_COMFORT", 3.0, 4, 2)))));
        assertThat(enablement.modeOf(USE_CASE, "agence-niort")).isEqualTo(EntityMode.AI);
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon")).isEqualTo(EntityMode.CONTROL);
        assertThat(enablement.modeOf(USE_CASE, "agence-nantes")).isEqualTo(EntityMode.NOT_ENABLED);

        // the entity gate: an adviser of an entity outside the experiment is refused, with the entity named
        directory.assign("paul", "agence-nantes");
        Api.Response refused = api.post(
                "paul",
                "/api/cases",
                Map.of(
                        "useCaseKey",
                        USE_CASE,
                        "memberId",
                        "M-1001",
                        "subject",
                        "Entretien",
                        "message",
                        "Notes de l'entretien."));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().toString()).contains("Agence de Nantes");
        directory.assign("paul", "agence-lyon");

        long pilot1 = openCase("alice", "Entretien habitation 1");
        long pilot2 = openCase("alice", "Entretien habitation 2");
        long control1 = openCase("paul", "Entretien habitation 3");
        long control2 = openCase("paul", "Entretien habitation 4");
        assertThat(jdbc.sql("select entity_code from content_case where id = ?")
                        .param(pilot1)
                        .query(String.class)
                        .single())
                .isEqualTo("agence-niort");
        // alice, in the pilot agency, chooses to write one « sans IA » (proposal 15): counted apart
        Map<String, Object> byHand = new java.util.HashMap<>(Map.of(
                "useCaseKey",
                USE_CASE,
                "memberId",
                "M-1001",
                "subject",
                "Entretien habitation 5",
                "message",
                "Notes : le sociétaire souhaite revoir sa garantie habitation.",
                "withoutAi",
                true,
                "withoutAiReason",
                "Entretien délicat, je préfère l'écrire moi-même."));
        Api.Response withoutAiCreated = api.post("alice", "/api/cases", byHand);
        assertThat(withoutAiCreated.status())
                .as(String.valueOf(withoutAiCreated.body()))
                .isEqualTo(201);
        long withoutAi = withoutAiCreated.body().get("id").asLong();
        editAndApprove(pilot1);
        editAndApprove(pilot2);
        handDraftAndApprove("paul", control1);
        handDraftAndApprove("paul", control2);
        handDraftAndApprove("alice", withoutAi);
        assertThat(activityCount(withoutAi, "aiDraft"))
                .as("« sans IA »: no AI step")
                .isZero();
        assertThat(activityCount(withoutAi, "handDraft")).isEqualTo(1);
        awaitStatus(withoutAi, "DISCLOSED", "TO_SEND");
        JsonNode withoutAiView = ok(api.get("alice", "/api/cases/" + withoutAi)).body();
        assertThat(withoutAiView.get("withoutAi").asBoolean()).isTrue();
        assertThat(withoutAiView.get("withoutAiReason").asText()).startsWith("Entretien délicat");
        assertThat(withoutAiView.get("disclosure").get("category").asText())
                .as("the label follows what happened: written by people")
                .isEqualTo("HUMAN");
        // the same content process for both; the engine's history shows the AI step skipped for the control only
        for (long pilotCase : List.of(pilot1, pilot2)) {
            assertThat(activityCount(pilotCase, "aiDraft"))
                    .as("pilot case " + pilotCase + ": drafted by the AI")
                    .isEqualTo(1);
            assertThat(activityCount(pilotCase, "handDraft")).isZero();
        }
        for (long controlCase : List.of(control1, control2)) {
            assertThat(activityCount(controlCase, "aiDraft"))
                    .as("control case " + controlCase + ": no AI step")
                    .isZero();
            assertThat(activityCount(controlCase, "handDraft")).isEqualTo(1);
            assertThat(processKey(controlCase)).isEqualTo(processKey(pilot1));
        }
        ok(api.post("bob", "/api/projects/cases/" + pilot1 + "/survey", Map.of("comfort", 4, "minutesSaved", 12.0)));
        ok(api.post("alice", "/api/projects/cases/" + pilot2 + "/survey", Map.of("comfort", 5)));
        assertThat(api.post("paul", "/api/projects/cases/" + pilot1 + "/survey", Map.of("comfort", 1))
                        .status())
                .as("only people who worked on the case answer")
                .isEqualTo(403);
        ok(api.post("alice", "/api/projects/cases/" + pilot1 + "/satisfaction", Map.of("score", 5)));
        ok(api.post("paul", "/api/projects/" + id + "/feedback", Map.of("text", "Hâte d'avoir l'IA aussi.")));

        JsonNode dashboard =
                ok(api.get("marc", "/api/projects/" + id + "/experiment")).body();
        JsonNode kpis = dashboard.get("kpis");
        JsonNode time = kpiOf(kpis, "TIME_TO_APPROVAL");
        assertThat(time.get("pilotCases").asInt()).isEqualTo(2);
        assertThat(time.get("controlCases").asInt()).isEqualTo(2);
        assertThat(time.get("pilot").asDouble())
                .isCloseTo(meanMinutesToApproval(List.of(pilot1, pilot2)), within(1e-9));
        assertThat(time.get("control").asDouble())
                .isCloseTo(meanMinutesToApproval(List.of(control1, control2)), within(1e-9));
        assertThat(dashboard.get("measuredMinutesSaved").asDouble())
                .isCloseTo(
                        meanMinutesToApproval(List.of(control1, control2))
                                - meanMinutesToApproval(List.of(pilot1, pilot2)),
                        within(1e-9));
        assertThat(kpiOf(kpis, "HAND_DRAFTING_RATE").get("pilot").asDouble())
                .as("the case written « sans IA » by choice is not the pilot's")
                .isEqualTo(0.0);
        JsonNode apart = dashboard.get("withoutAi");
        assertThat(apart.get("cases").asInt()).isEqualTo(1);
        assertThat(apart.get("inPilot").asInt()).isEqualTo(1);
        assertThat(apart.get("inControl").asInt()).isZero();
        assertThat(apart.get("share").asDouble()).isCloseTo(1.0 / 5, within(1e-9));
        assertThat(apart.get("timeToApprovalMinutes").asDouble())
                .isCloseTo(meanMinutesToApproval(List.of(withoutAi)), within(1e-9));
        assertThat(kpiOf(kpis, "HAND_DRAFTING_RATE").get("control").asDouble()).isEqualTo(100.0);
        assertThat(kpiOf(kpis, "ACCEPTED_WITHOUT_EDIT").get("pilot").asDouble()).isEqualTo(0.0);
        assertThat(kpiOf(kpis, "ACCEPTED_WITHOUT_EDIT").get("guardrailCrossed").asBoolean())
                .isTrue();
        assertThat(kpiOf(kpis, "ENERGY_PER_CONTENT").get("pilot").asDouble())
                .as("the offline drafter calls no model")
                .isEqualTo(0.0);
        assertThat(kpiOf(kpis, "WORK_COMFORT").get("pilot").asDouble()).isEqualTo(4.5);
        assertThat(kpiOf(kpis, "WORK_COMFORT").get("meetsTarget").asBoolean()).isTrue();
        assertThat(dashboard.get("feedback").get(0).get("author").asText()).isEqualTo("paul");

        // the decision: managers only, with who and why
        assertThat(api.post(
                                "rachel",
                                "/api/projects/" + id + "/experiment/decision",
                                Map.of("decision", "GENERALISE", "rationale", "ok"))
                        .status())
                .isEqualTo(403);
        ok(api.post(
                "marc",
                "/api/projects/" + id + "/experiment/decision",
                Map.of(
                        "decision",
                        "GENERALISE",
                        "rationale",
                        "Dix minutes gagnées par compte-rendu, confort en hausse.")));
        assertThat(stage(id)).isEqualTo("ETHICS");
        JsonNode afterExperiment = ok(api.post("eric", "/api/projects/" + id + "/ethics", ethics("APPROVE", null)))
                .body();
        assertThat(afterExperiment.get("gate").asText()).isEqualTo("ROLLOUT");
        assertThat(stage(id)).isEqualTo("ROLLOUT_PLANNING");

        // rollout: one wave for the control agency, tomorrow, started by hand today
        Map<String, Object> wave = Map.of(
                "plannedStart",
                OffsetDateTime.now().plusDays(1).toString(),
                "entities",
                List.of("agence-lyon"),
                "people",
                List.of(
                        Map.of("username", "paul", "role", "USER"),
                        Map.of("username", "chloe", "role", "TUTOR"),
                        Map.of("username", "rachel", "role", "REFERENT")));
        assertThat(api.post(
                                "marc",
                                "/api/projects/" + id + "/waves",
                                Map.of(
                                        "plannedStart",
                                        OffsetDateTime.now().toString(),
                                        "entities",
                                        List.of("agence-lyon"),
                                        "people",
                                        List.of(Map.of("username", "paul", "role", "USER"))))
                        .status())
                .as("tutors and referents are named")
                .isEqualTo(400);
        long waveId = ok(api.post("marc", "/api/projects/" + id + "/waves", wave))
                .body()
                .get("id")
                .asLong();
        ok(api.post("marc", "/api/projects/" + id + "/rollout-plan/complete", Map.of()));
        assertThat(stage(id)).isEqualTo("ROLLOUT_PLANNING");
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon"))
                .as("not before its wave starts")
                .isEqualTo(EntityMode.CONTROL);
        ok(api.post("marc", "/api/projects/" + id + "/waves/" + waveId + "/start", Map.of()));
        assertThat(stage(id)).isEqualTo("ROLLOUT");
        processTask(id, "completeTraining");
        assertThat(api.post("rachel", "/api/projects/" + id + "/waves/" + waveId + "/training/complete", Map.of())
                        .status())
                .as("nobody is trained yet")
                .isEqualTo(409);
        for (String person : List.of("paul", "chloe", "rachel")) {
            ok(api.post("rachel", "/api/projects/" + id + "/waves/" + waveId + "/training/" + person, Map.of()));
        }
        ok(api.post("rachel", "/api/projects/" + id + "/waves/" + waveId + "/training/complete", Map.of()));
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon")).isEqualTo(EntityMode.AI);

        // the wave's cases are edited heavily: "accepted without edit" falls under its guardrail
        long wave1 = openCase("paul", "Entretien auto 1");
        long wave2 = openCase("paul", "Entretien auto 2");
        editAndApprove(wave1);
        editAndApprove(wave2);
        Job tick = monitorTimer(waveId);
        managementService.executeJob(tick.getId());
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon"))
                .as("paused by itself")
                .isEqualTo(EntityMode.PAUSED);
        String breachTask = processTask(id, "handleBreach");
        assertThat(StreamSupport.stream(
                                api.get("marc", "/api/tasks")
                                        .body()
                                        .path("items")
                                        .spliterator(),
                                false)
                        .anyMatch(t -> t.get("id").asText().equals(breachTask)))
                .as("the manager's task")
                .isTrue();
        JsonNode pausedWave =
                api.get("marc", "/api/projects/" + id + "/waves").body().get(0);
        assertThat(pausedWave.get("status").asText()).isEqualTo("PAUSED");
        assertThat(pausedWave.get("pauseReason").asText()).contains("Brouillons acceptés sans modification");
        long whilePaused = openCase("paul", "Entretien pendant la pause");
        assertThat(awaitStatus(whilePaused, "HAND_DRAFTING", "IN_REVIEW")).isEqualTo("HAND_DRAFTING");

        assertThat(api.post(
                                "rachel",
                                "/api/projects/" + id + "/waves/" + waveId + "/breach",
                                Map.of("resume", true, "rationale", "x"))
                        .status())
                .isEqualTo(403);
        ok(api.post(
                "marc",
                "/api/projects/" + id + "/waves/" + waveId + "/breach",
                Map.of("resume", true, "rationale", "Consigne de relecture rappelée aux experts.")));
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon")).isEqualTo(EntityMode.AI);

        // kill switch per entity, then per use case: new requests go to hand-drafting at once
        assertThat(api.post(
                                "alice",
                                "/api/projects/use-cases/" + USE_CASE + "/entities/agence-lyon/kill-switch",
                                Map.of("killed", true, "reason", "x"))
                        .status())
                .isEqualTo(403);
        ok(api.post(
                "marc",
                "/api/projects/use-cases/" + USE_CASE + "/entities/agence-lyon/kill-switch",
                Map.of("killed", true, "reason", "Incident signalé par l'agence.")));
        long killedEntity = openCase("paul", "Entretien après coupure");
        assertThat(awaitStatus(killedEntity, "HAND_DRAFTING", "IN_REVIEW")).isEqualTo("HAND_DRAFTING");
        long pilotStill = openCase("alice", "Entretien à Niort");
        assertThat(awaitStatus(pilotStill, "HAND_DRAFTING", "IN_REVIEW")).isEqualTo("IN_REVIEW");
        ok(api.post(
                "rachel",
                "/api/projects/use-cases/" + USE_CASE + "/kill-switch",
                Map.of("killed", true, "reason", "Fournisseur en panne : plan de crise.")));
        long killedUseCase = openCase("alice", "Entretien pendant la panne");
        assertThat(awaitStatus(killedUseCase, "HAND_DRAFTING", "IN_REVIEW")).isEqualTo("HAND_DRAFTING");
        ok(api.post("rachel", "/api/projects/use-cases/" + USE_CASE + "/kill-switch", Map.of("killed", false)));
        assertThat(enablement.modeOf(USE_CASE, "agence-niort")).isEqualTo(EntityMode.AI);

        // the wave is closed by hand: the next check ends it and the project is in production
        ok(api.post(
                "marc",
                "/api/projects/use-cases/" + USE_CASE + "/entities/agence-lyon/kill-switch",
                Map.of("killed", false)));
        ok(api.post("rachel", "/api/projects/" + id + "/waves/" + waveId + "/close", Map.of()));
        managementService.executeJob(monitorTimer(waveId).getId());
        assertThat(stage(id)).isEqualTo("PRODUCTION");

        // in production: the periodic review falls due (timer), the manager keeps it, then retires it
        String instance = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("genai-project")
                .processInstanceBusinessKey("project-" + id)
                .singleResult()
                .getId();
        managementService.executeJob(managementService
                .createJobQuery()
                .processInstanceId(instance)
                .timers()
                .singleResult()
                .getId());
        processTask(id, "periodicReview");
        assertThat(api.post("rachel", "/api/projects/" + id + "/review", Map.of("retire", true, "rationale", "x"))
                        .status())
                .isEqualTo(403);
        ok(api.post(
                "marc",
                "/api/projects/" + id + "/review",
                Map.of("retire", false, "rationale", "Indicateurs stables, aucun incident.")));
        assertThat(stage(id)).isEqualTo("PRODUCTION");
        managementService.executeJob(managementService
                .createJobQuery()
                .processInstanceId(instance)
                .timers()
                .singleResult()
                .getId());
        ok(api.post(
                "marc",
                "/api/projects/" + id + "/review",
                Map.of("retire", true, "rationale", "Remplacé par le nouvel outil de compte-rendu.")));
        assertThat(stage(id)).isEqualTo("RETIRED");
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon")).isEqualTo(EntityMode.NOT_ENABLED);
        assertThat(api.get("alice", "/api/projects/" + id).status())
                .as("project files are for the staff")
                .isEqualTo(403);
        JsonNode decisions = api.get("marc", "/api/projects/" + id).body().get("decisions");
        assertThat(StreamSupport.stream(decisions.spliterator(), false)
                        .map(d ->
                                d.get("step").asText() + ":" + d.get("decision").asText() + ":"
                                        + d.get("decidedBy").asText())
                        .toList())
                .contains(
                        "TRIAGE:ACCEPT:rachel",
                        "SELECTION:SELECT:diane",
                        "ETHICS_EXPERIMENT:REWORK:eric",
                        "EXPERIMENT:GENERALISE:marc",
                        "WAVE:PAUSED_BY_GUARDRAIL:system",
                        "WAVE_BREACH:RESUME:marc",
                        "PERIODIC_REVIEW:RETIRE:marc");
    }

    @Test
    void aUseCaseNoProjectManagesRunsWithAiEverywhereUnlessItsKillSwitchIsPulled() {
        assertThat(enablement.isManaged(USE_CASE)).isFalse();
        for (String entity : new String[] {"agence-niort", "agence-nantes", "centre-sinistres"}) {
            assertThat(enablement.modeOf(USE_CASE, entity)).isEqualTo(EntityMode.AI);
        }
        assertThat(enablement.modeOf(USE_CASE, null))
                .as("someone with no entity")
                .isEqualTo(EntityMode.AI);
        long before = openCase("alice", "Entretien hors projet");
        assertThat(awaitStatus(before, "HAND_DRAFTING", "IN_REVIEW")).isEqualTo("IN_REVIEW");
        ok(api.post(
                "marc",
                "/api/projects/use-cases/" + USE_CASE + "/kill-switch",
                Map.of("killed", true, "reason", "Exercice du plan de crise.")));
        assertThat(enablement.modeOf(USE_CASE, "agence-nantes")).isEqualTo(EntityMode.KILLED);
        long during = openCase("alice", "Entretien pendant l'exercice");
        assertThat(awaitStatus(during, "HAND_DRAFTING", "IN_REVIEW")).isEqualTo("HAND_DRAFTING");
        assertThat(api.post("marc", "/api/projects/use-cases/" + USE_CASE + "/kill-switch", Map.of("killed", true))
                        .status())
                .as("a reason is required")
                .isEqualTo(400);
    }

    @Test
    void theDemoPortfolioShowsProjectsInTheFirstStagesMovedByTheirProcesses() {
        List<String> stages = jdbc.sql("select stage from genai_project where title in (?, ?, ?, ?, ?) order by id")
                .params(
                        "Résumé des appels sociétaires",
                        "Assistant RH pour les collègues",
                        "Synthèse des dossiers sinistres",
                        "Courriers de relance de pièces",
                        "Compte-rendu d'entretien assisté")
                .query(String.class)
                .list();
        assertThat(stages).startsWith("TRIAGE", "REJECTED", "SCORING", "ETHICS", "EXPERIMENT");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey("genai-project")
                        .count())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void rejectedAndMergedIdeasTellTheirSubmitterWhy() {
        long kept = submitIdea("alice", "Synthèse des dossiers sinistres");
        long duplicate = submitIdea("paul", "Résumé automatique des sinistres");
        long rejected = submitIdea("paul", "Chatbot pour les collègues");
        assertThat(api.post("rachel", "/api/ideas/" + rejected + "/triage", Map.of("decision", "REJECT"))
                        .status())
                .as("a rejection needs its reason")
                .isEqualTo(400);
        ok(api.post(
                "rachel",
                "/api/ideas/" + rejected + "/triage",
                Map.of("decision", "REJECT", "reason", "L'assistant des conseillers (AMI) répond déjà à ce besoin.")));
        ok(api.post("rachel", "/api/ideas/" + duplicate + "/triage", Map.of("decision", "MERGE", "mergeInto", kept)));
        JsonNode mine = api.get("paul", "/api/ideas/mine").body();
        Map<Long, JsonNode> byId = new HashMap<>();
        mine.forEach(i -> byId.put(i.get("id").asLong(), i));
        assertThat(byId.get(rejected).get("stage").asText()).isEqualTo("REJECTED");
        assertThat(byId.get(rejected).get("rejectionReason").asText()).contains("AMI");
        assertThat(byId.get(duplicate).get("stage").asText()).isEqualTo("MERGED");
        assertThat(byId.get(duplicate).get("mergedInto").asLong()).isEqualTo(kept);
        assertThat(api.get("alice", "/api/ideas/mine").body().toString()).doesNotContain("Chatbot pour les collègues");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey("project-" + rejected)
                        .count())
                .isZero();
    }

    @Test
    void anAdjustedExperimentCanStillBeStoppedAndStoppingClosesTheUseCase() {
        long id = submitIdea("alice", "Compte-rendu en deux langues");
        prepareUpToExperiment(id);
        List<Map<String, Object>> kpis = List.of(kpi("REJECTION_RATE", null, 5, 20));
        ok(api.post("marc", "/api/projects/" + id + "/experiment", experimentSetup(kpis)));
        ok(api.post(
                "marc",
                "/api/projects/" + id + "/experiment/decision",
                Map.of("decision", "ADJUST", "rationale", "Les conseillers veulent un pré-prompt plus court.")));
        assertThat(stage(id)).isEqualTo("EXPERIMENT");
        processTask(id, "setupExperiment");
        ok(api.post(
                "marc",
                "/api/projects/" + id + "/experiment",
                Map.of(
                        "useCaseKey",
                        USE_CASE,
                        "pilotEntities",
                        List.of("agence-niort", "agence-lyon"),
                        "controlEntities",
                        List.of(),
                        "kpis",
                        kpis)));
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon"))
                .as("adjusted: Lyon joins the pilots")
                .isEqualTo(EntityMode.AI);
        ok(api.post(
                "marc",
                "/api/projects/" + id + "/experiment/decision",
                Map.of("decision", "STOP", "rationale", "Le gain ne couvre pas le coût de relecture.")));
        assertThat(stage(id)).isEqualTo("STOPPED");
        assertThat(enablement.modeOf(USE_CASE, "agence-niort")).isEqualTo(EntityMode.NOT_ENABLED);
        Api.Response refused = api.post(
                "alice",
                "/api/cases",
                Map.of(
                        "useCaseKey",
                        USE_CASE,
                        "memberId",
                        "M-1001",
                        "subject",
                        "Entretien",
                        "message",
                        "Notes de l'entretien."));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().toString()).contains("Agence de Niort");
    }

    @Test
    void theCommitteeCanRefuseAndTheDirectorateCanDecline() {
        long refused = submitIdea("alice", "Tarification santé par IA");
        ok(api.post("rachel", "/api/ideas/" + refused + "/triage", Map.of("decision", "ACCEPT")));
        ok(api.post(
                "rachel",
                "/api/projects/" + refused + "/necessity",
                Map.of("text", "Aucun barème fixe ne couvre les situations individuelles décrites en texte libre.")));
        Map<String, Object> highRisk = scoring();
        highRisk.put("riskTier", "HIGH");
        JsonNode score = ok(api.post("diane", "/api/portfolio/projects/" + refused + "/score", highRisk))
                .body();
        assertThat(score.get("riskScore").asDouble()).isEqualTo(30.0);
        ok(api.post(
                "diane",
                "/api/portfolio/projects/" + refused + "/decision",
                Map.of("decision", "SELECT", "rationale", "À examiner par le comité.")));
        ok(api.post(
                "eric",
                "/api/projects/" + refused + "/ethics",
                ethics("REJECT", "Tarification santé : système à haut risque, libre arbitre non garanti.")));
        assertThat(stage(refused)).isEqualTo("REJECTED");

        long declined = submitIdea("paul", "Poèmes pour les anniversaires");
        ok(api.post("rachel", "/api/ideas/" + declined + "/triage", Map.of("decision", "ACCEPT")));
        ok(api.post(
                "rachel",
                "/api/projects/" + declined + "/necessity",
                Map.of("text", "Un texte différent pour chaque sociétaire, ce qu'aucun modèle fixe ne permet.")));
        Map<String, Object> small = scoring();
        small.put("casesPerYear", 50);
        small.put("memberBenefit", 1);
        ok(api.post("diane", "/api/portfolio/projects/" + declined + "/score", small));
        ok(api.post(
                "diane",
                "/api/portfolio/projects/" + declined + "/decision",
                Map.of("decision", "DECLINE", "rationale", "Valeur trop faible pour le coût.")));
        assertThat(stage(declined)).isEqualTo("NOT_SELECTED");
    }
}
