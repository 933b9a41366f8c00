package org.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.governance.SurveySampling;
import org.tandem.governance.lifecycle.CaseSample;
import org.tandem.governance.lifecycle.KpiRepository;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.support.Api;

/**
 * The demo's history on a fresh database: every stage of the lifecycle is there, moved by its
 * processes, and the experiments' KPIs rest on content cases that ran through the engine — counted
 * in Camunda's history — with the AI step skipped for the control agency only. Its own context
 * (the shared one keeps the history off: it manages the letters and reports use cases).
 */
@SpringBootTest(properties = "tandem.demo.history=true")
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
class DemoHistoryIT {

    @Autowired
    DemoHistory history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    @Autowired
    KpiRepository kpis;

    @Autowired
    AuditTrail audit;

    @Autowired
    MockMvc mvc;

    @Test
    void everyStageIsThereAndTheKpisComeFromCasesTheEngineRan() throws Exception {
        DemoHistory.Summary summary = history.done().get(5, TimeUnit.MINUTES);
        System.out.printf(
                "Demo history: %d pilot + %d control cases, %d surveys, in %d ms%n",
                summary.pilotCases(),
                summary.controlCases(),
                summary.surveys(),
                summary.took().toMillis());
        assertThat(summary.pilotCases()).isEqualTo(28 + 12);
        assertThat(summary.controlCases()).isEqualTo(12 + 6);

        // every stage, each reached through its process
        List<String> stages =
                jdbc.sql("select stage from genai_project").query(String.class).list();
        assertThat(stages).contains("TRIAGE", "NECESSITY", "SCORING", "ETHICS", "EXPERIMENT", "ROLLOUT", "REJECTED");
        assertThat(stages.stream().filter("REJECTED"::equals).count())
                .as("at triage and by the committee")
                .isEqualTo(2);
        Api api = new Api(mvc);
        long letters = projectId(DemoHistory.LETTERS_PROJECT);
        long reports = projectId(DemoHistory.REPORTS_PROJECT);
        assertThat(steps(api, letters))
                .contains("EXPERIMENT:GENERALISE:marc", "ETHICS_ROLLOUT:APPROVE_WITH_CONDITIONS:eric");
        assertThat(steps(api, reports)).contains("EXPERIMENT:ADJUST:marc");
        assertThat(openTasks(api, reports)).as("adjusted, running again").contains("experimentDecision");
        JsonNode waves = api.get("marc", "/api/projects/" + letters + "/waves").body();
        assertThat(waves).hasSize(2);
        assertThat(waves.get(0).get("status").asText()).isEqualTo("RUNNING");
        assertThat(waves.get(1).get("status").asText()).isEqualTo("PLANNED");

        // the letters' experiment: its KPIs count exactly the cases the engine ran, pilot and control
        JsonNode dashboard =
                api.get("marc", "/api/projects/" + letters + "/experiment").body();
        OffsetDateTime since = OffsetDateTime.parse(dashboard.get("startedAt").asText());
        assertThat(since).isBefore(OffsetDateTime.now().minusDays(50));
        List<CaseSample> pilot = kpis.samples(DemoHistory.LETTERS, List.of(DemoHistory.PILOT), since);
        List<CaseSample> control = kpis.samples(DemoHistory.LETTERS, List.of(DemoHistory.CONTROL), since);
        assertThat(pilot).hasSize(28);
        assertThat(control).hasSize(12);
        for (CaseSample c : pilot) {
            assertThat(finishedInstances(c.caseId()))
                    .as("case " + c.caseId() + " in the engine's history")
                    .isEqualTo(1);
            assertThat(activities(c.caseId(), "aiDraft"))
                    .as("pilot: the AI drafted")
                    .isPositive();
            assertThat(audit.verify(c.caseId()).valid()).isTrue();
        }
        for (CaseSample c : control) {
            assertThat(finishedInstances(c.caseId())).isEqualTo(1);
            assertThat(activities(c.caseId(), "aiDraft"))
                    .as("control: no AI step")
                    .isZero();
            assertThat(activities(c.caseId(), "handDraft")).isEqualTo(1);
            assertThat(c.handDrafted()).isTrue();
        }
        JsonNode time = kpi(dashboard, "TIME_TO_APPROVAL");
        dashboard
                .get("kpis")
                .forEach(k -> System.out.printf(
                        "Demo KPI %s: pilot %s (%d cases), control %s (%d cases)%n",
                        k.get("metric").asText(),
                        k.get("pilot"),
                        k.get("pilotCases").asInt(),
                        k.get("control"),
                        k.get("controlCases").asInt()));
        assertThat(time.get("pilotCases").asInt()).isEqualTo(28);
        assertThat(time.get("controlCases").asInt()).isEqualTo(12);
        assertThat(time.get("pilot").asDouble()).isBetween(3.0, 20.0);
        assertThat(time.get("control").asDouble()).isBetween(12.0, 30.0);
        assertThat(dashboard.get("measuredMinutesSaved").asDouble()).isBetween(2.0, 25.0);
        assertThat(kpi(dashboard, "HAND_DRAFTING_RATE").get("pilot").asDouble()).isBetween(0.0, 30.0);
        assertThat(kpi(dashboard, "HAND_DRAFTING_RATE").get("control").asDouble())
                .isEqualTo(100.0);
        assertThat(kpi(dashboard, "WORK_COMFORT").get("pilot").asDouble()).isBetween(1.0, 5.0);
        assertThat(kpi(dashboard, "MEMBER_SATISFACTION").get("pilot").asDouble())
                .isBetween(3.0, 5.0);
        assertThat(kpi(dashboard, "MEMBER_SATISFACTION").get("pilotCases").asInt())
                .isBetween(10, 28);
        Set<String> days = StreamSupport.stream(dashboard.get("series").spliterator(), false)
                .map(p -> p.get("day").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(days).as("a time series over the weeks").hasSizeGreaterThanOrEqualTo(15);

        // the survey was asked after the drawn cases only, and answered there
        List<Long> surveyed = jdbc.sql("select distinct case_id from comfort_survey")
                .query(Long.class)
                .list();
        assertThat(surveyed).hasSize(summary.surveys()).isNotEmpty();
        for (CaseSample c : pilot) {
            assertThat(surveyed.contains(c.caseId()))
                    .as("case " + c.caseId())
                    .isEqualTo(SurveySampling.drawn(c.caseId(), 5));
        }
        // the reports' experiment runs on (one in three after the adjustment): the case API says whom to ask
        List<Long> reportCases = jdbc.sql(
                        "select id from content_case where use_case_key = 'meeting-report' and status <> 'HAND_DRAFTING'")
                .query(Long.class)
                .list();
        assertThat(reportCases).hasSize(18);
        for (long id : reportCases) {
            assertThat(api.get("bob", "/api/cases/" + id)
                            .body()
                            .get("askComfortSurvey")
                            .asBoolean())
                    .as("case " + id)
                    .isEqualTo(SurveySampling.drawn(id, 3));
        }
        // the only content tasks left open are today's work for people (issue 19): none of the history's
        assertThat(taskService.createTaskQuery().processDefinitionKey("content").list().stream()
                        .map(t -> t.getTaskDefinitionKey())
                        .sorted()
                        .toList())
                .containsExactly("approve", "approve", "handDraft", "review", "review", "review");

        // once: a second run leaves the portfolio as it is
        int projects = stages.size();
        history.run(null);
        assertThat(jdbc.sql("select count(*) from genai_project")
                        .query(Integer.class)
                        .single())
                .isEqualTo(projects);
    }

    /** Issue 19: after the replay, each demo user's home shows open work of their role, each item a link. */
    @Test
    void eachDemoUserFindsWorkOfTheirRoleAtHome() throws Exception {
        history.done().get(5, TimeUnit.MINUTES);
        Api api = new Api(mvc);
        // two letters to review for the member-relations experts, and one to approve
        assertThat(count(api, "bob", "tasks.toTake"))
                .as("and paul's report, offered to them too")
                .isEqualTo(4);
        assertThat(count(api, "chloe", "tasks.toTake")).isEqualTo(4);
        assertThat(details(api, "chloe", "tasks.toTake"))
                .filteredOn(d -> d.startsWith("Relire"))
                .hasSize(2);
        assertThat(links(api, "bob", "tasks.toTake")).allMatch(l -> l.startsWith("/tasks/"));
        // a claim summary held by ines; the one she edited waits for hugo (four eyes)
        assertThat(count(api, "ines", "tasks.mine")).isEqualTo(1);
        assertThat(count(api, "hugo", "tasks.toTake")).isEqualTo(1);
        String approval = links(api, "hugo", "tasks.toTake").get(0).substring("/tasks/".length());
        assertThat(taskService.createTaskQuery().taskId(approval).singleResult().getTaskDefinitionKey())
                .isEqualTo("approve");
        assertThat(api.post("ines", "/api/tasks/" + approval + "/complete", java.util.Map.of("decision", "APPROVE"))
                        .status())
                .as("four eyes: ines edited it")
                .isEqualTo(403);
        // paul writes his meeting report by hand (the control agency); alice follows her requests
        assertThat(count(api, "paul", "tasks.mine") + count(api, "paul", "tasks.toTake"))
                .isEqualTo(1);
        assertThat(count(api, "alice", "cases.inProgress")).isEqualTo(5);
        // the lifecycle's steps: the committee, the directorate, the referent, the manager
        assertThat(links(api, "eric", "projects.decide")).contains("/ethics");
        assertThat(links(api, "diane", "projects.decide")).contains("/portfolio");
        assertThat(links(api, "rachel", "projects.decide")).contains("/ideas/triage");
        long reports = projectId(DemoHistory.REPORTS_PROJECT);
        assertThat(links(api, "marc", "projects.decide")).contains("/experiments/" + reports);
        assertThat(links(api, "marc", "experiments.running")).contains("/experiments/" + reports);
        // the governance steps are not listed twice as tasks
        assertThat(links(api, "rachel", "tasks.toTake")).noneMatch(l -> l.equals("/ideas/triage"));
        // the letters' candidate pre-prompt, once evaluated on their reference set, awaits rachel's authorisation
        String authorisation = org.tandem.support.Eventually.await(
                "the letters' candidate pre-prompt to authorise",
                java.time.Duration.ofMinutes(2),
                () -> taskService
                        .createTaskQuery()
                        .processDefinitionKey("prompt-evaluation")
                        .taskDefinitionKey("authorizePromptVersion")
                        .processInstanceBusinessKeyLike(DemoHistory.LETTERS + "@v%")
                        .taskCandidateGroup("ai-referents")
                        .list()
                        .stream()
                        .map(org.camunda.bpm.engine.task.Task::getId)
                        .findFirst()
                        .orElse(null));
        assertThat(org.tandem.support.Eventually.await(
                        "rachel's task list and home show it",
                        java.time.Duration.ofSeconds(20),
                        () -> api.get("rachel", "/api/tasks")
                                                .body()
                                                .path("items")
                                                .toString()
                                                .contains(authorisation)
                                        && count(api, "rachel", "tasks.toTake") >= 1
                                ? true
                                : null))
                .isTrue();
        // every role has a section; the service account has no home
        for (String user : List.of("admin", "dora")) {
            assertThat(api.get(user, "/api/home").body().get("sections"))
                    .as(user)
                    .isNotEmpty();
        }
        assertThat(api.get("portal", "/api/home").status()).isEqualTo(403);
    }

    private static JsonNode section(Api api, String user, String key) {
        JsonNode home = api.get(user, "/api/home").body();
        return StreamSupport.stream(home.get("sections").spliterator(), false)
                .filter(s -> s.get("key").asText().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError(user + " has no section " + key + ": " + home));
    }

    private static long count(Api api, String user, String key) {
        return section(api, user, key).get("count").asLong();
    }

    private static List<String> links(Api api, String user, String key) {
        return StreamSupport.stream(section(api, user, key).get("items").spliterator(), false)
                .map(i -> i.get("link").asText())
                .toList();
    }

    private static List<String> details(Api api, String user, String key) {
        return StreamSupport.stream(section(api, user, key).get("items").spliterator(), false)
                .map(i -> i.get("detail").asText())
                .toList();
    }

    private long projectId(String title) {
        return jdbc.sql("select id from genai_project where title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    private long finishedInstances(long caseId) {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(caseId))
                .finished()
                .count();
    }

    private long activities(long caseId, String activityId) {
        String instance = jdbc.sql("select process_instance_id from content_case where id = ?")
                .param(caseId)
                .query(String.class)
                .single();
        return historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId(activityId)
                .count();
    }

    private static List<String> steps(Api api, long projectId) {
        return StreamSupport.stream(
                        api.get("marc", "/api/projects/" + projectId)
                                .body()
                                .get("decisions")
                                .spliterator(),
                        false)
                .map(d -> d.get("step").asText() + ":" + d.get("decision").asText() + ":"
                        + d.get("decidedBy").asText())
                .toList();
    }

    private static List<String> openTasks(Api api, long projectId) {
        return StreamSupport.stream(
                        api.get("marc", "/api/projects/" + projectId)
                                .body()
                                .get("openTasks")
                                .spliterator(),
                        false)
                .map(t -> t.get("taskKey").asText())
                .toList();
    }

    private static JsonNode kpi(JsonNode dashboard, String metric) {
        return StreamSupport.stream(dashboard.get("kpis").spliterator(), false)
                .filter(k -> k.get("metric").asText().equals(metric))
                .findFirst()
                .orElseThrow();
    }
}
