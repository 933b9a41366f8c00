package org.tandem.content.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
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
import org.tandem.governance.entities.EntityDirectory;
import org.tandem.governance.entities.EntityKind;
import org.tandem.platform.audit.AuditEvent;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Identities;
import org.tandem.platform.security.Role;
import org.tandem.platform.time.BusinessDays;
import org.tandem.support.Eventually;
import org.tandem.work.TaskCompletion;
import org.tandem.work.TaskDecision;
import org.tandem.work.inbox.InboxSearch;
import org.tandem.work.inbox.InboxTask;
import org.tandem.work.inbox.TaskCriteria;

/**
 * Deadlines and escalation on the real engine (issue 19): a case's due date counted in business days
 * over French public holidays, set on its tasks; the engine's clock moved past it, the timer escalates
 * the overdue task to a manager of the team, once, however often a timer fires again. The job executor
 * is off: each timer is run by the test. Own entities and managers, never the demo's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
class DeadlineEscalationIT {

    static final CurrentUser ALICE = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
    static final CurrentUser INES =
            new CurrentUser("ines", "Inès", EnumSet.of(Role.EXPERT), List.of("experts", "claims-experts"));

    /** Friday 8 May 2026 (Victoire 1945, a holiday), 10:30 in Paris. */
    static final ZonedDateTime FRIDAY_8_MAY = ZonedDateTime.of(2026, 5, 8, 10, 30, 0, 0, BusinessDays.PARIS);

    @Autowired
    CaseService caseService;

    @Autowired
    DraftWorker worker;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService management;

    @Autowired
    TaskCompletion completion;

    @Autowired
    OverdueEscalation escalations;

    @Autowired
    EntityDirectory entities;

    @Autowired
    Identities identities;

    @Autowired
    AuditTrail audit;

    @Autowired
    InboxSearch inbox;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private static void clockAt(ZonedDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
    }

    /** An entity of this test only, and the case counted in it (the team the escalation looks in). */
    private String ownTeam(ContentCase c) {
        String code = "dl-" + UUID.randomUUID().toString().substring(0, 8);
        entities.ensureEntity(code, "Équipe échéances " + code, EntityKind.AGENCY, null, "test");
        jdbc.sql("update content_case set entity_code = ? where id = ?")
                .params(code, c.id())
                .update();
        return code;
    }

    private String managerIn(String entity) {
        String username = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        identities.ensureUser(username, "Manon", "Ager", "Escalade-Test-2026!", List.of(Role.MANAGER.groupId()));
        entities.assign(username, entity);
        return username;
    }

    private Task openTask(ContentCase c) {
        return taskService
                .createTaskQuery()
                .processInstanceId(c.processInstanceId())
                .taskDefinitionKeyIn("review", "edit", "handDraft", "approve")
                .singleResult();
    }

    private Task waitForTask(ContentCase c, String key) {
        return Eventually.await("task " + key + " of case " + c.id(), Duration.ofSeconds(60), () -> {
            worker.runOnce();
            Task t = openTask(c);
            return t != null && t.getTaskDefinitionKey().equals(key) ? t : null;
        });
    }

    private List<Job> overdueTimers(ContentCase c) {
        return management
                .createJobQuery()
                .processInstanceId(c.processInstanceId())
                .timers()
                .list();
    }

    private long escalationRows(ContentCase c) {
        return jdbc.sql("select count(*) from task_escalation where case_id = ?")
                .param(c.id())
                .query(Long.class)
                .single();
    }

    private long escalationEvents(ContentCase c) {
        return audit.chain(c.id()).stream()
                .map(AuditEvent::type)
                .filter("TASK_ESCALATED"::equals)
                .count();
    }

    @Test
    void aLetterFiledOnAHolidayIsDueTenBusinessDaysLaterAndItsOverdueTaskGoesToTheManagerOnce() {
        clockAt(FRIDAY_8_MAY);
        ContentCase c = caseService.open(
                new NewCaseRequest(
                        "reply-letter",
                        "M-1002",
                        "Échéance sur jours fériés",
                        "Bonjour, j'attends toujours le remboursement de mes lunettes depuis mars."),
                ALICE);
        // 8 May is a holiday, 14 May (Ascension) and 25 May (Whit Monday) are skipped: Tuesday 26 May, 18:00
        OffsetDateTime due =
                ZonedDateTime.of(2026, 5, 26, 18, 0, 0, 0, BusinessDays.PARIS).toOffsetDateTime();
        assertThat(c.dueAt()).isEqualTo(due);
        String team = ownTeam(c);
        String manager = managerIn(team);

        Task review = waitForTask(c, "review");
        assertThat(review.getDueDate())
                .as("the task carries the case's due date")
                .isEqualTo(Date.from(due.toInstant()));
        assertThat(inbox.find(review.getId()).map(InboxTask::dueAt))
                .as("the task list's copy")
                .hasValueSatisfying(at -> assertThat(at.toInstant()).isEqualTo(due.toInstant()));
        Job timer = overdueTimers(c).stream().findFirst().orElseThrow();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(due.toInstant()));

        // a day before the due date nothing is late: the timer is not due yet
        clockAt(ZonedDateTime.of(2026, 5, 25, 12, 0, 0, 0, BusinessDays.PARIS));
        assertThat(management.createJobQuery().jobId(timer.getId()).executable().count())
                .isZero();

        // the morning after the due date: the timer fires, the review goes to the team's manager
        clockAt(ZonedDateTime.of(2026, 5, 27, 9, 0, 0, 0, BusinessDays.PARIS));
        assertThat(management.createJobQuery().jobId(timer.getId()).executable().count())
                .isOne();
        management.executeJob(timer.getId());
        Task escalated = openTask(c);
        assertThat(escalated.getId()).as("non-interrupting: the same task").isEqualTo(review.getId());
        assertThat(escalated.getAssignee()).isEqualTo(manager);
        TaskEscalation row = escalations.of(c.id()).orElseThrow();
        assertThat(row.mode()).isEqualTo("REASSIGN");
        assertThat(row.escalatedTo()).isEqualTo(manager);
        assertThat(row.taskKey()).isEqualTo("review");
        assertThat(row.entityCode()).isEqualTo(team);
        assertThat(row.fallbackReason()).isNull();
        assertThat(escalationEvents(c)).isOne();

        // the task list: late, sorted by due date, in the manager's own tasks
        var viewer = new InboxSearch.Viewer(manager, List.of(Role.MANAGER.groupId()));
        TaskCriteria overdueMine =
                new TaskCriteria("MINE", "OVERDUE", null, null, null, null, null, null, "DUE", null, null);
        assertThat(Eventually.await(
                        "the escalated task in the manager's late tasks",
                        Duration.ofSeconds(10),
                        () -> inbox.page(overdueMine, viewer, 0, 50).stream()
                                .anyMatch(t -> t.id().equals(review.getId()))))
                .isTrue();
        TaskCriteria dueInMay = new TaskCriteria(
                "MINE", null, null, null, due.toLocalDate(), due.toLocalDate(), null, null, "DUE", null, null);
        assertThat(inbox.page(dueInMay, viewer, 0, 50))
                .extracting(InboxTask::id)
                .contains(review.getId());

        // the manager sends the draft back to the AI: the review is created again, with its timer already due
        CurrentUser asManager = new CurrentUser(manager, "Manon Ager", EnumSet.of(Role.MANAGER), List.of("managers"));
        completion.complete(
                review.getId(),
                new TaskDecision(TaskDecision.Decision.REGENERATE, null, "Soyez plus précis sur le délai.", null),
                asManager);
        Task again = waitForTask(c, "review");
        assertThat(again.getId()).isNotEqualTo(review.getId());
        assertThat(again.getDueDate()).as("the same case, the same due date").isEqualTo(Date.from(due.toInstant()));

        // a week later every timer of the case runs, some twice: the case stays escalated once
        clockAt(ZonedDateTime.of(2026, 6, 3, 9, 0, 0, 0, BusinessDays.PARIS));
        List<Job> timers = overdueTimers(c);
        assertThat(timers).isNotEmpty();
        for (Job job : timers) {
            management.executeJob(job.getId());
        }
        assertThat(overdueTimers(c)).as("each timer fired once").isEmpty();
        assertThat(openTask(c).getAssignee())
                .as("the new review is not taken from its group")
                .isNull();
        assertThat(escalationRows(c)).isOne();
        assertThat(escalationEvents(c)).isOne();
        assertThat(escalations.escalate(c.id(), c.processInstanceId()).escalatedAs())
                .as("asked directly again")
                .isEqualTo("NONE");
        assertThat(escalationRows(c)).isOne();
        assertThat(audit.verify(c.id()).valid()).isTrue();
    }

    @Test
    void aClaimSummaryWithoutAManagerGivesTheApproverGroupALateTaskAndSaysWhy() {
        clockAt(ZonedDateTime.of(2026, 11, 9, 14, 0, 0, 0, BusinessDays.PARIS));
        ContentCase c = caseService.open(
                new NewCaseRequest(
                        "claim-summary",
                        "M-1002",
                        "Échéance d'une synthèse",
                        "Déclaration : dégât des eaux du 2 novembre, l'expert est passé le 6."),
                ALICE);
        // fifteen business days from Monday 9 November 2026: Armistice (11 November) skipped
        assertThat(c.dueAt().atZoneSameInstant(BusinessDays.PARIS).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 12, 1, 18, 0));
        String team = ownTeam(c);
        Task review = waitForTask(c, "review");

        clockAt(ZonedDateTime.of(2026, 12, 2, 9, 0, 0, 0, BusinessDays.PARIS));
        Job timer = overdueTimers(c).stream().findFirst().orElseThrow();
        management.executeJob(timer.getId());

        assertThat(openTask(c).getAssignee())
                .as("TASK: the late review stays where it is")
                .isNull();
        Task late = taskService
                .createTaskQuery()
                .processInstanceId(c.processInstanceId())
                .taskDefinitionKey("handleOverdue")
                .singleResult();
        assertThat(late.getName()).isEqualTo("Tâche en retard");
        assertThat(late.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(late.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("claims-experts"));
        TaskEscalation row = escalations.of(c.id()).orElseThrow();
        assertThat(row.mode()).isEqualTo("TASK");
        assertThat(row.escalatedTo()).isNull();
        assertThat(row.toGroup()).isEqualTo("claims-experts");
        assertThat(row.fallbackReason()).contains("Aucun manager").contains(team);
        assertThat(row.taskId()).isEqualTo(review.getId());

        completion.complete(
                late.getId(),
                new TaskDecision(TaskDecision.Decision.SUBMIT, "Vu avec Hugo : la synthèse part demain."),
                INES);
        TaskEscalation handled = escalations.of(c.id()).orElseThrow();
        assertThat(handled.handledBy()).isEqualTo("ines");
        assertThat(handled.handledNote()).contains("Hugo");
        assertThat(escalationEvents(c)).isOne();
    }
}
