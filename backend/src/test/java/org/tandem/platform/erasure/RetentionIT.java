package org.tandem.platform.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.content.CaseService;
import org.tandem.content.ContentCase;
import org.tandem.content.NewCaseRequest;
import org.tandem.content.drafting.DraftWorker;
import org.tandem.members.Member;
import org.tandem.members.MemberRepository;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskCompletion;
import org.tandem.work.TaskDecision;

/**
 * Retention (issue 16) on the real engine: a letter (kept two years after closure) and a claim summary
 * (five years) close the same day; with the engine's clock moved a day short of two years the nightly
 * {@code data-retention} process erases nothing, a day past it erases the letter only, keeping its KPI
 * figures, and its audit chain still verifies. The job executor is off: the test runs the timer's jobs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
class RetentionIT {

    static final CurrentUser ALICE = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
    static final CurrentUser BOB =
            new CurrentUser("bob", "Bob", EnumSet.of(Role.EXPERT), List.of("experts", "member-relations-experts"));

    @Autowired
    CaseService caseService;

    @Autowired
    DraftWorker worker;

    @Autowired
    TaskCompletion completion;

    @Autowired
    DraftDisplays displays;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    MemberRepository members;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theNightlyProcessErasesACaseOnceItsUseCasesPeriodAfterClosureHasPassed() {
        members.insertIfAbsent(new Member(
                "M-9170",
                "Gwenola",
                "Trévidic",
                LocalDate.of(1979, 4, 2),
                "gwenola.trevidic@example.net",
                "06 58 14 27 39",
                "9 allée des Hortensias",
                "Niort",
                "AUTO-2015-774411"));
        ContentCase letter = caseService.open(
                new NewCaseRequest(
                        "reply-letter",
                        "M-9170",
                        "Franchise bris de glace",
                        "Bonjour, je suis Gwenola Trévidic (06 58 14 27 39) : pourquoi une franchise sur mon pare-brise ?"),
                ALICE);
        ContentCase claim = caseService.open(
                new NewCaseRequest(
                        "claim-summary",
                        "M-9170",
                        "Bris de glace",
                        "Déclaration de Gwenola Trévidic : pare-brise fissuré sur la rocade le 3 mars."),
                ALICE);
        worker.runOnce();
        String letterText = closeLetter(letter);
        runtime.deleteProcessInstance(claim.processInstanceId(), "classé sans suite");

        OffsetDateTime letterClosed = closedAt(letter.id());
        assertThat(letterClosed).as("the engine's end event dates the closure").isNotNull();
        assertThat(closedAt(claim.id())).isNotNull();
        Map<String, Object> figures = figures(letter.id());
        long erasuresBefore = count("select count(*) from erasure");

        // a day short of the letter's two years: nothing is due
        ClockUtil.setCurrentTime(
                Date.from(letterClosed.plusYears(2).minusDays(1).toInstant()));
        runNightlyRetention();
        assertThat(jdbc.sql("select message from content_case where id = ?")
                        .param(letter.id())
                        .query(String.class)
                        .single())
                .contains("Gwenola Trévidic");

        // a day past it: the letter's personal data go, the claim's (five years) stay
        ClockUtil.setCurrentTime(Date.from(letterClosed.plusYears(2).plusDays(1).toInstant()));
        runNightlyRetention();
        Map<String, Object> erased = jdbc.sql(
                        "select subject, message, final_text, member_id, erased_at from content_case where id = ?")
                .param(letter.id())
                .query()
                .singleRow();
        assertThat(erased.get("subject")).isEqualTo("[données effacées]");
        assertThat(erased.get("message")).isEqualTo("");
        assertThat(erased.get("final_text")).isNull();
        assertThat(erased.get("member_id")).isNull();
        assertThat(erased.get("erased_at")).isNotNull();
        assertThat(jdbc.sql("select string_agg(text, '') from draft where case_id = ?")
                        .param(letter.id())
                        .query(String.class)
                        .single())
                .isEmpty();
        assertThat(jdbc.sql("select disclosed_text from disclosure where case_id = ?")
                        .param(letter.id())
                        .query(String.class)
                        .single())
                .isEmpty();
        assertThat(count("select count(*) from content_case where id = " + claim.id() + " and erased_at is null"))
                .as("the claim summary keeps its data five years")
                .isEqualTo(1);
        assertThat(figures(letter.id())).as("the KPI figures stay").isEqualTo(figures);
        assertThat(audit.verify(letter.id()).valid()).isTrue();
        assertThat(audit.verify(letter.id()).erasedEntries()).isPositive();
        assertThat(audit.chain(letter.id())
                        .get(audit.chain(letter.id()).size() - 1)
                        .type())
                .isEqualTo("ERASED");
        assertThat(audit.chain(letter.id()))
                .allSatisfy(e ->
                        assertThat(String.valueOf(e.details()) + e.personal()).doesNotContain("Trévidic"));
        Map<String, Object> record = jdbc.sql("select kind, member_id, requested_by, ? = any(case_ids) as letter, "
                        + "? = any(case_ids) as claim from erasure order by id desc limit 1")
                .params(letter.id(), claim.id())
                .query()
                .singleRow();
        assertThat(record.get("kind")).isEqualTo("RETENTION");
        assertThat(record.get("member_id")).isNull();
        assertThat(record.get("requested_by")).isEqualTo("system");
        assertThat(record.get("letter")).isEqualTo(true);
        assertThat(record.get("claim")).isEqualTo(false);
        assertThat(count("select count(*) from erasure")).isEqualTo(erasuresBefore + 1);
        assertThat(letterText).contains("Gwenola");

        // the next night finds nothing more to do
        runNightlyRetention();
        assertThat(count("select count(*) from erasure")).isEqualTo(erasuresBefore + 1);
    }

    /** Reviewed, completed, approved and disclosed; returns the text approved. */
    private String closeLetter(ContentCase letter) {
        Task review = task(letter);
        completion.complete(review.getId(), new TaskDecision(TaskDecision.Decision.EDIT, null), BOB);
        String text = "Madame Gwenola Trévidic,\n\nLa franchise bris de glace de votre contrat est de 90 euros ; elle "
                + "ne s'applique pas à une réparation.\n\nNous vous prions d'agréer nos salutations distinguées.\n\n"
                + "Votre conseiller";
        completion.complete(task(letter).getId(), new TaskDecision(TaskDecision.Decision.SUBMIT, text), BOB);
        Task approve = task(letter);
        displays.record(approve.getId(), BOB, 5_000);
        completion.complete(approve.getId(), new TaskDecision(TaskDecision.Decision.APPROVE, null), BOB);
        // the disclosure's job, then the delivery's job it creates (issue 15), until the process ends
        for (int round = 0; round < 5; round++) {
            List<Job> jobs = management
                    .createJobQuery()
                    .processInstanceId(letter.processInstanceId())
                    .list();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(letter.processInstanceId())
                        .count())
                .isZero();
        return text;
    }

    private Task task(ContentCase c) {
        return taskService
                .createTaskQuery()
                .processInstanceId(c.processInstanceId())
                .singleResult();
    }

    /** What the data-retention timer does at night: its start, then its asynchronous service task. */
    private void runNightlyRetention() {
        Job timer = management
                .createJobQuery()
                .processDefinitionKey("data-retention")
                .timers()
                .singleResult();
        assertThat(timer).as("the nightly timer is deployed").isNotNull();
        management.executeJob(timer.getId());
        for (Job job : management
                .createJobQuery()
                .processDefinitionKey("data-retention")
                .messages()
                .list()) {
            management.executeJob(job.getId());
        }
        assertThat(management
                        .createJobQuery()
                        .processDefinitionKey("data-retention")
                        .withException()
                        .count())
                .isZero();
    }

    private OffsetDateTime closedAt(long caseId) {
        return jdbc.sql("select closed_at from content_case where id = ?")
                .param(caseId)
                .query(OffsetDateTime.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Map<String, Object> figures(long caseId) {
        return jdbc.sql("""
                        select c.use_case_key, c.status, c.ai_share, c.approved_by, c.approved_at, c.created_at, c.closed_at,
                               m.time_to_first_draft_ms, m.time_to_approval_ms, m.regenerations, m.edit_ratio_chars,
                               m.edit_ratio_words, m.accepted_without_edit, d.category, d.label, d.marker,
                               (select count(*) from model_call where case_id = c.id) as calls,
                               (select count(*) from content_version where case_id = c.id) as versions
                        from content_case c join case_metrics m on m.case_id = c.id join disclosure d on d.case_id = c.id
                        where c.id = ?""").param(caseId).query().singleRow();
    }
}
