package org.tandem.quality.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.content.DecisionLog;
import org.tandem.content.DraftRepository;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.web.ApiException;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;
import org.tandem.work.TaskFormValues;
import org.tandem.work.TaskHandler;

/**
 * The second reviewer's verdict on a drawn case's AI draft, blind to the first decision: ACCEPT (acceptable
 * as is), EDIT (to correct) or REJECT (unusable), with reasons of the use case's set and a comment; only
 * once the whole draft and its sources were displayed, and never by someone who worked on the case.
 */
@Component
class SecondReviewTask implements TaskHandler, TaskFormValues {

    static final String TASK_KEY = "secondReview";

    private final TaskService taskService;
    private final TaskAccess access;
    private final DraftDisplays displays;
    private final DecisionLog decisionLog;
    private final SecondReviewDraws draws;
    private final DraftRepository drafts;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    SecondReviewTask(
            TaskService taskService,
            TaskAccess access,
            DraftDisplays displays,
            DecisionLog decisionLog,
            SecondReviewDraws draws,
            DraftRepository drafts,
            AuditTrail audit,
            JdbcClient jdbc) {
        this.taskService = taskService;
        this.access = access;
        this.displays = displays;
        this.decisionLog = decisionLog;
        this.draws = draws;
        this.drafts = drafts;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(TASK_KEY);
    }

    @Override
    public void complete(Task task, TaskDecision d, CurrentUser user) {
        long caseId = caseId(task);
        if (d.decision() != TaskDecision.Decision.ACCEPT
                && d.decision() != TaskDecision.Decision.EDIT
                && d.decision() != TaskDecision.Decision.REJECT) {
            throw d.notPossibleOn(task);
        }
        requireIndependent(caseId, user);
        List<String> reasons = decisionLog.checkReasons(caseId, d);
        long displayed = displays.require(task, user);
        String comment =
                d.reason() == null || d.reason().isBlank() ? null : d.reason().strip();
        access.claim(task, user);
        jdbc.sql("""
                        insert into second_review (case_id, task_id, reviewer, verdict, comment, decided_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, task.getId(), user.username(), d.decision().name(), comment, EngineClock.now())
                .update();
        for (String code : reasons) {
            jdbc.sql("insert into second_review_reason (case_id, reason_code) values (?, ?)")
                    .params(caseId, code)
                    .update();
        }
        var details = new LinkedHashMap<String, Object>();
        details.put("task", TASK_KEY);
        details.put("decision", d.decision().name());
        details.put("reasons", reasons);
        details.put("reason", comment);
        details.put("displayTimeMs", displayed);
        audit.append(caseId, user.username(), AuditType.REVIEW_DECISION, details);
        taskService.complete(task.getId(), Map.of("secondVerdict", d.decision().name()));
    }

    /** Refuses whoever worked on the case: the second review is independent, or it measures nothing. */
    void requireIndependent(long caseId, CurrentUser user) {
        if (draws.participants(caseId).contains(user.username())) {
            throw ApiException.forbidden("Vous avez travaillé sur ce dossier : sa seconde relecture revient "
                    + "à un autre expert, pour que l'avis soit indépendant.");
        }
    }

    long caseId(Task task) {
        Object value = taskService.getVariable(task.getId(), "caseId");
        if (!(value instanceof Number n)) {
            throw ApiException.conflict("Cette seconde relecture n'est rattachée à aucun dossier.");
        }
        return n.longValue();
    }

    /** The Camunda Form shows the AI draft only. */
    @Override
    public void contribute(Task task, String businessKey, Map<String, Object> data) {
        if (TASK_KEY.equals(task.getTaskDefinitionKey())) {
            drafts.latestFromAiStep(caseId(task)).ifPresent(draft -> data.put("draftText", draft.text()));
        }
    }
}
