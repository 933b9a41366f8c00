package org.tandem.quality.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.platform.usecase.QualityCatalog;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.quality.QualityFlow;
import org.tandem.support.Api;
import org.tandem.support.SeededCases;
import org.tandem.support.TandemIntegrationTest;

/**
 * The sampled second review on the real engine: drawn at the use case's rates (± four binomial standard
 * deviations over 1,000 disclosed cases, with the production random generator), never sent to someone who
 * worked on the case; the reviewer rates blind (the task page has no case, its own view no decision) with
 * the use case's reasons, and the agreement between the two verdicts is Cohen's κ.
 */
@TandemIntegrationTest
class SecondReviewIT {

    static final String DRAW_USE_CASE = "test-second-review";

    @Autowired
    MockMvc mvc;

    @Autowired
    SecondReviewDraws draws;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UseCaseCatalog useCases;

    @Autowired
    QualityCatalog quality;

    @Autowired
    IdentityService identityService;

    @Autowired
    TransactionTemplate transaction;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @AfterEach
    void endDrawnProcesses() {
        // the synthetic cases' second reviews must not stay in bob's and chloe's task lists for other tests
        List<String> ids =
                jdbc.sql("""
                        select process_instance_id from second_review_draw
                        where use_case_key = ? and process_instance_id is not null""").param(DRAW_USE_CASE).query(String.class).list();
        ids.stream()
                .filter(id -> runtimeService
                                .createProcessInstanceQuery()
                                .processInstanceId(id)
                                .count()
                        > 0)
                .forEach(id -> runtimeService.deleteProcessInstance(id, "end of SecondReviewIT"));
    }

    /** A disclosed case whose AI draft {@code reviewer} decided on; approved by {@code approver}. */
    private long disclosedCase(boolean acceptedUnchanged, String reviewer, String approver) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        long id = SeededCases.insertCase(jdbc, DRAW_USE_CASE, null, "qa-adviser", "Tirage", at);
        SeededCases.insertDraft(jdbc, id, "OFFLINE", "offline-drafter", "Madame, Monsieur, …", at);
        jdbc.sql("""
                        insert into review_decision (case_id, task_id, task_key, decision, decided_by, decided_at)
                        values (?, 'seeded', 'review', ?, ?, ?)""")
                .params(id, acceptedUnchanged ? "ACCEPT" : "EDIT", reviewer, at.plusMinutes(5))
                .update();
        jdbc.sql("""
                        update content_case set final_text = 'Madame, Monsieur, …', approved_by = ?, approved_at = ?,
                            status = 'DISCLOSED' where id = ?""").params(approver, at.plusMinutes(10), id).update();
        jdbc.sql("""
                        insert into case_metrics (case_id, regenerations, accepted_without_edit, rejected, hand_drafted,
                            edit_ratio_chars) values (?, 0, ?, false, false, ?)""")
                .params(id, acceptedUnchanged, acceptedUnchanged ? 0.0 : 0.3)
                .update();
        jdbc.sql("""
                        insert into disclosure (case_id, category, cite_sources, marker, disclosed_text, kind)
                        values (?, 'HUMAN_WITH_AI', false, '{}', 'Madame, Monsieur, …', 'FINAL')""").param(id).update();
        return id;
    }

    @Test
    void oneThousandDisclosedCasesAreDrawnAtTheConfiguredRatesAndNeverForWhoWorkedOnThem() {
        Map<Long, String> firstReviewer = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            boolean unchanged = i % 2 == 0;
            String reviewer = i % 4 < 2 ? "bob" : "chloe";
            // one case in 50 was approved by the other expert: nobody independent is left to review it; these
            // 20 cases are accepted unchanged (drawn at 0.5), so none drawn has a chance of 0.5^20, not 0.8^20 ≈ 1 %
            String approver = i % 50 == 0 ? (reviewer.equals("bob") ? "chloe" : "bob") : reviewer;
            firstReviewer.put(disclosedCase(unchanged, reviewer, approver), reviewer);
        }
        draws.sweep(DRAW_USE_CASE);

        record Drawn(
                long caseId,
                String stratum,
                boolean drawn,
                String reviewer,
                String processInstanceId,
                String noReviewerReason) {}
        List<Drawn> rows = jdbc.sql("""
                        select case_id, stratum, drawn, reviewer, process_instance_id, no_reviewer_reason
                        from second_review_draw where use_case_key = ?""").param(DRAW_USE_CASE).query(Drawn.class).list().stream()
                .filter(r -> firstReviewer.containsKey(r.caseId()))
                .toList();
        assertThat(rows).as("every disclosed case is drawn once").hasSize(1_000);
        long corrected = rows.stream()
                .filter(r -> r.stratum().equals("CORRECTED") && r.drawn())
                .count();
        long unchanged = rows.stream()
                .filter(r -> r.stratum().equals("ACCEPTED_UNCHANGED") && r.drawn())
                .count();
        // 500 corrected at 0.2: n·p = 100, σ = √(500·0.2·0.8) ≈ 8.94; 500 unchanged at 0.5: 250, σ ≈ 11.18
        assertThat(corrected).isBetween(100L - 36, 100L + 36);
        assertThat(unchanged).isBetween(250L - 45, 250L + 45);

        for (Drawn r : rows.stream().filter(Drawn::drawn).toList()) {
            if (r.reviewer() == null) {
                assertThat(r.noReviewerReason()).contains("indépendant");
                continue;
            }
            String first = firstReviewer.get(r.caseId());
            assertThat(r.reviewer())
                    .as("case " + r.caseId())
                    .isNotEqualTo(first)
                    .isIn("bob", "chloe");
            Task task = taskService
                    .createTaskQuery()
                    .processInstanceId(r.processInstanceId())
                    .singleResult();
            assertThat(task.getTaskDefinitionKey()).isEqualTo("secondReview");
            assertThat(task.getAssignee()).isEqualTo(r.reviewer()).isNotEqualTo(first);
        }
        assertThat(rows.stream().filter(r -> r.drawn() && r.reviewer() == null).count())
                .as("the cases both experts worked on, when drawn")
                .isPositive();
        assertThat(draws.sweep(DRAW_USE_CASE)).as("a case is drawn once").isZero();
    }

    @Test
    void theTimersSweepsReadTheRecentDisclosuresAndAllOfThemAtStartAndEachHour() {
        // its own instance: the timer's state (last full sweep, experts kept) starts empty
        SecondReviewDraws timer = new SecondReviewDraws(
                jdbc, useCases, quality, identityService, runtimeService, transaction, Duration.ofSeconds(10));
        long before = disclosedCase(true, "bob", "bob");
        disclosedLongAgo(before);
        Instant start = Instant.now();
        timer.timerSweep(DRAW_USE_CASE, start);
        assertThat(considered(before))
                .as("the first sweep after start reads every disclosure")
                .isTrue();

        long late = disclosedCase(true, "bob", "bob");
        disclosedLongAgo(late);
        long recent = disclosedCase(true, "chloe", "chloe");
        timer.timerSweep(DRAW_USE_CASE, start.plusSeconds(20));
        assertThat(considered(recent))
                .as("a case disclosed in the last minutes")
                .isTrue();
        assertThat(considered(late))
                .as("a disclosure older than the look-back waits for the hourly sweep")
                .isFalse();

        timer.timerSweep(DRAW_USE_CASE, start.plus(SecondReviewDraws.FULL_SWEEP_EVERY));
        assertThat(considered(late))
                .as("the hourly sweep reads every disclosure")
                .isTrue();
    }

    private void disclosedLongAgo(long caseId) {
        jdbc.sql("update disclosure set disclosed_at = now() - interval '1 day' where case_id = ?")
                .param(caseId)
                .update();
    }

    /** Whether the draw considered the case (drawn or not, it leaves its row). */
    private boolean considered(long caseId) {
        return jdbc.sql("select count(*) from second_review_draw where case_id = ?")
                        .param(caseId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Test
    void theSecondReviewerRatesBlindWithTheReasonsAndTheAgreementIsMeasured() {
        QualityFlow flow = new QualityFlow(api);
        long id = flow.editedAndDisclosed(
                "M-1003",
                "Seconde relecture " + System.nanoTime(),
                "Bonjour, je souhaite résilier mon contrat habitation au 1er mars.",
                List.of("tone"),
                "Madame, Monsieur,\n\nVotre demande de résiliation au 1er mars est bien prise en compte.\n\nVotre conseiller");
        assertThat(draws.sweep(QualityFlow.USE_CASE)).isPositive();
        String drawnReviewer = jdbc.sql("select reviewer from second_review_draw where case_id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(drawnReviewer)
                .as("bob reviewed and approved it; alice filed it")
                .isEqualTo("chloe");
        String taskId = flow.awaitTask("chloe", id, "secondReview");

        JsonNode page = api.get("chloe", "/api/tasks/" + taskId).body();
        assertThat(page.get("case").isNull())
                .as("the task page shows no case: no decision, no final text")
                .isTrue();
        JsonNode blind =
                api.get("chloe", "/api/tasks/" + taskId + "/second-review").body();
        assertThat(blind.get("draft").get("text").asText()).contains("Madame, Monsieur");
        assertThat(blind.toString())
                .doesNotContain("prise en compte")
                .doesNotContain("\"tone\":")
                .doesNotContain("bob");
        assertThat(blind.get("reasons").toString()).contains("wrong-amount");
        assertThat(api.get("bob", "/api/tasks/" + taskId + "/second-review").status())
                .as("the task is chloe's")
                .isEqualTo(409);

        // handed over to bob (of the group), the first reviewer: refused
        taskService.setAssignee(taskId, "bob");
        Api.Response byBob = api.post("bob", "/api/tasks/" + taskId + "/complete", Map.of("decision", "ACCEPT"));
        assertThat(byBob.status()).isEqualTo(403);
        assertThat(byBob.body().get("message").asText()).contains("autre expert");
        taskService.setAssignee(taskId, "chloe");

        Api.Response unread = api.post(
                "chloe", "/api/tasks/" + taskId + "/complete", Map.of("decision", "EDIT", "reasons", List.of("tone")));
        assertThat(unread.status()).isEqualTo(409);
        Api.Response unknown =
                flow.decide("chloe", taskId, 30_000, Map.of("decision", "EDIT", "reasons", List.of("no-such")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("fieldErrors").get("reasons").asText()).contains("n'existe pas");
        Api.Response rated = api.post(
                "chloe",
                "/api/tasks/" + taskId + "/complete",
                Map.of(
                        "decision",
                        "EDIT",
                        "reasons",
                        List.of("tone", "wrong-amount"),
                        "reason",
                        "La formule est sèche."));
        assertThat(rated.status()).as(String.valueOf(rated.body())).isEqualTo(200);
        assertThat(jdbc.sql("select verdict from second_review where case_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("EDIT");
        assertThat(jdbc.sql("select reason_code from second_review_reason where case_id = ? order by 1")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("tone", "wrong-amount");

        JsonNode agreement = null;
        for (JsonNode u : api.get("marc", "/api/quality/agreement").body().get("useCases")) {
            if (u.get("useCaseKey").asText().equals(QualityFlow.USE_CASE)) {
                agreement = u;
            }
        }
        assertThat(agreement).isNotNull();
        assertThat(agreement.get("kappa").get("n").asInt()).isPositive();
        assertThat(agreement.get("pairs"))
                .as("bob and chloe did not share their figures")
                .isEmpty();
        assertThat(agreement.get("hiddenPairs").asInt()).isPositive();
        assertThat(api.get("bob", "/api/quality/agreement").status()).isEqualTo(403);
    }
}
