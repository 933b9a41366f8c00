package org.tandem.review;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.audit.AuditTrail;
import org.tandem.audit.AuditType;
import org.tandem.cases.CaseRepository;
import org.tandem.cases.CaseVariables;
import org.tandem.drafting.Draft;
import org.tandem.drafting.DraftRepository;
import org.tandem.security.CurrentUser;
import org.tandem.web.ApiException;

/**
 * The people's steps of a content case. The approver is recorded as accountable (proposal 32):
 * in the case row and, as the task's assignee, in the engine's history.
 */
@Service
public class ReviewService {

    public static final String REVIEW_TASK = "review";
    public static final String HAND_DRAFT_TASK = "handDraft";

    private final TaskService taskService;
    private final TaskAccess access;
    private final CaseRepository cases;
    private final DraftRepository drafts;
    private final AuditTrail audit;

    ReviewService(TaskService taskService, TaskAccess access, CaseRepository cases, DraftRepository drafts,
                  AuditTrail audit) {
        this.taskService = taskService;
        this.access = access;
        this.cases = cases;
        this.drafts = drafts;
        this.audit = audit;
    }

    @Transactional
    public long complete(String taskId, TaskDecision decision, CurrentUser user) {
        Task task = access.requireWorkable(taskId, user);
        long caseId = Long.parseLong(access.businessKey(task));
        String text = decision.text() == null ? "" : decision.text().strip();
        switch (task.getTaskDefinitionKey()) {
            case REVIEW_TASK -> approve(task, caseId, decision, text, user);
            case HAND_DRAFT_TASK -> submitHandDraft(task, caseId, decision, text, user);
            default -> throw ApiException.badRequest("Cette tâche ne se traite pas depuis Tandem.");
        }
        return caseId;
    }

    private void approve(Task task, long caseId, TaskDecision decision, String text, CurrentUser user) {
        if (decision.decision() != TaskDecision.Decision.APPROVE) {
            throw ApiException.invalidField("decision", "Sur cette tâche, la décision attendue est l'approbation.");
        }
        requireText(text);
        var aiDraft = drafts.latestByAi(caseId);
        double aiShare = aiDraft.map(d -> AiShare.of(d.text(), text)).orElse(0.0);
        // claiming first makes a concurrent second approval fail cleanly (409) instead of completing twice
        claim(task, user);
        cases.recordApproval(caseId, text, user.username(), aiShare);
        audit.append(caseId, user.username(), AuditType.APPROVED, Map.of("taskId", task.getId(), "finalText", text,
                "aiShare", aiShare, "aiDraftId", aiDraft.map(Draft::id).orElse(0L)));
        taskService.complete(task.getId(), Map.of(
                CaseVariables.CHECKED_BY_HUMAN, true,
                CaseVariables.AI_SHARE, aiShare,
                CaseVariables.APPROVED_BY, user.username()));
    }

    private void submitHandDraft(Task task, long caseId, TaskDecision decision, String text, CurrentUser user) {
        if (decision.decision() != TaskDecision.Decision.SUBMIT) {
            throw ApiException.invalidField("decision", "Sur cette tâche, la décision attendue est l'envoi du texte rédigé.");
        }
        requireText(text);
        claim(task, user);
        Draft draft = drafts.saveHumanDraft(caseId, task.getId(), text, user.username());
        audit.append(caseId, user.username(), AuditType.HAND_DRAFTED, Map.of("taskId", task.getId(), "draftId", draft.id(),
                "text", text));
        taskService.complete(task.getId(), Map.of("draftId", draft.id()));
    }

    private void claim(Task task, CurrentUser user) {
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user.username());
        }
    }

    private static void requireText(String text) {
        if (text.isEmpty()) {
            throw ApiException.invalidField("text", "Le texte ne peut pas être vide.");
        }
    }
}
