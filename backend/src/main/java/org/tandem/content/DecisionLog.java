package org.tandem.content;

import java.util.LinkedHashMap;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.content.review.ReviewDecisionRepository;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.security.CurrentUser;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskDecision;

/** A person's decision on a task, kept twice: as a row the case page lists, and in the audit trail. */
@Component
public class DecisionLog {

    private final ReviewDecisionRepository decisions;
    private final AuditTrail audit;
    private final DraftDisplays displays;

    DecisionLog(ReviewDecisionRepository decisions, AuditTrail audit, DraftDisplays displays) {
        this.displays = displays;
        this.decisions = decisions;
        this.audit = audit;
    }

    /**
     * @param text          the text the decision carries, if any (an expert's answer), kept in the trail only
     * @param displayTimeMs how long the person had the draft displayed before deciding, when measured
     */
    public void record(
            Task task,
            long caseId,
            TaskDecision d,
            CurrentUser user,
            String instruction,
            String reason,
            String text,
            Long displayTimeMs) {
        decisions.insert(
                caseId,
                task.getId(),
                task.getTaskDefinitionKey(),
                d.decision().name(),
                instruction,
                reason,
                user.username());
        var details = new LinkedHashMap<String, Object>();
        details.put("task", task.getTaskDefinitionKey());
        details.put("decision", d.decision().name());
        if (displayTimeMs != null) {
            details.put("displayTimeMs", displayTimeMs);
        }
        // erasable: instructions, reasons and texts may name the member (issue 16)
        var personal = new LinkedHashMap<String, Object>();
        personal.put("instruction", instruction);
        personal.put("reason", reason);
        if (text != null) {
            personal.put("text", text);
        }
        audit.append(caseId, user.username(), AuditType.REVIEW_DECISION, details, personal);
    }

    /** The decision with the time the person had the whole text displayed, when they displayed it. */
    public void recordDisplayed(
            Task task, long caseId, TaskDecision d, CurrentUser user, String instruction, String reason) {
        record(
                task,
                caseId,
                d,
                user,
                instruction,
                reason,
                null,
                displays.timeSpent(task, user).orElse(null));
    }
}
