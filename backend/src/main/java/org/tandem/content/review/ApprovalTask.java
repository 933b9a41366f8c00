package org.tandem.content.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tandem.content.CaseRepository;
import org.tandem.content.CaseVariables;
import org.tandem.content.ContentCase;
import org.tandem.content.ContentTasks;
import org.tandem.content.CurrentText;
import org.tandem.content.DecisionLog;
import org.tandem.content.Draft;
import org.tandem.content.ReadingFloor;
import org.tandem.content.metrics.CaseMetricsService;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.guardrails.GuardrailContext;
import org.tandem.platform.guardrails.OutputGuardrails;
import org.tandem.platform.guardrails.Violation;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.web.ApiException;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;
import org.tandem.work.TaskHandler;

/**
 * The approver's decision: approve the text as it stands (guardrails checked again, four eyes where
 * the use case asks, the whole text displayed), recorded as accountable in the engine; or return it
 * for changes.
 */
@Component
class ApprovalTask implements TaskHandler {

    private final TaskService taskService;
    private final TaskAccess access;
    private final CaseSteps steps;
    private final CaseRepository cases;
    private final CurrentText currentText;
    private final ContentVersionRepository versions;
    private final OutputGuardrails guardrails;
    private final DraftDisplays displays;
    private final DecisionLog decisionLog;
    private final CaseMetricsService metrics;
    private final AuditTrail audit;
    private final ReadingFloor readingFloor;

    ApprovalTask(
            TaskService taskService,
            TaskAccess access,
            CaseSteps steps,
            CaseRepository cases,
            CurrentText currentText,
            ContentVersionRepository versions,
            OutputGuardrails guardrails,
            DraftDisplays displays,
            DecisionLog decisionLog,
            CaseMetricsService metrics,
            AuditTrail audit,
            ReadingFloor readingFloor) {
        this.readingFloor = readingFloor;
        this.taskService = taskService;
        this.access = access;
        this.steps = steps;
        this.cases = cases;
        this.currentText = currentText;
        this.versions = versions;
        this.guardrails = guardrails;
        this.displays = displays;
        this.decisionLog = decisionLog;
        this.metrics = metrics;
        this.audit = audit;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(ContentTasks.APPROVE);
    }

    @Override
    public void complete(Task task, TaskDecision d, CurrentUser user) {
        long caseId = CaseSteps.caseId(task, access);
        switch (d.decision()) {
            case APPROVE -> approve(task, caseId, d, user);
            case RETURN -> {
                String reason = TaskDecision.require("reason", d.reason(), "Expliquez ce qu'il faut modifier.");
                access.claim(task, user);
                decisionLog.recordDisplayed(task, caseId, d, user, null, reason);
                taskService.complete(
                        task.getId(), Map.of(CaseVariables.APPROVAL_DECISION, CaseSteps.gatewayDecision(d)));
            }
            default -> throw d.notPossibleOn(task);
        }
    }

    private void approve(Task task, long caseId, TaskDecision d, CurrentUser user) {
        decisionLog.checkReasons(caseId, d);
        CurrentText.Current current = currentText
                .of(caseId)
                .orElseThrow(() -> ApiException.conflict("Ce dossier n'a pas encore de texte à approuver."));
        String text = current.text();
        ContentCase contentCase = cases.findById(caseId).orElseThrow();
        UseCase useCase = steps.useCase(caseId);
        // the same guardrails as on the AI draft, now on the text as edited: a placeholder left, a token
        // not restored or a forbidden opening stops the approval, whoever wrote the text
        List<Violation> blocking = useCase.extracts()
                ? List.of()
                : guardrails
                        .check(
                                text,
                                useCase.guardrailRules(),
                                GuardrailContext.of(contentCase.subject(), contentCase.message()))
                        .stream()
                        .filter(Violation::blocksApproval)
                        .toList();
        if (!blocking.isEmpty()) {
            throw ApiException.invalidField(
                    "text",
                    String.join(" ", blocking.stream().map(Violation::messageFr).toList())
                            + " Renvoyez le texte en modification avant de l'approuver.");
        }
        if (useCase.fourEyes() && authored(caseId, current, user)) {
            throw ApiException.forbidden("Vous avez modifié ce contenu : un autre approbateur doit le valider "
                    + "(principe des quatre yeux).");
        }
        long displayTimeMs = displays.require(task, user);
        // faster than reading: confirmed by the approver (409 otherwise), then counted
        boolean belowReadingFloor = readingFloor.approve(task, caseId, d, user, text, displayTimeMs);
        var aiDraft = current.aiSource();
        double aiShare = aiDraft.map(draft -> AiShare.of(draft.text(), text)).orElse(0.0);
        // claiming first makes a concurrent second approval fail cleanly (409) instead of completing twice
        access.claim(task, user);
        cases.recordApproval(caseId, text, user.username(), aiShare);
        var details = new LinkedHashMap<String, Object>();
        details.put("taskId", task.getId());
        details.put("aiShare", aiShare);
        details.put("aiDraftId", aiDraft.map(Draft::id).orElse(null));
        details.put(
                "versionNo", current.version().map(ContentVersion::versionNo).orElse(null));
        details.put("displayTimeMs", displayTimeMs);
        if (belowReadingFloor) {
            details.put("belowReadingFloor", true);
        }
        audit.append(caseId, user.username(), AuditType.APPROVED, details, Map.of("finalText", text));
        metrics.record(contentCase, Optional.of(current.draft()), text, steps.regenerations(caseId), CaseSteps.now());
        // the approval's facts, transient: the policy's table reads them in this transaction, the case's row and
        // the audit chain keep them
        taskService.complete(
                task.getId(),
                Variables.createVariables()
                        .putValueTyped(CaseVariables.APPROVAL_DECISION, CaseSteps.gatewayDecision(d))
                        .putValueTyped(CaseVariables.CHECKED_BY_HUMAN, Variables.booleanValue(true, true))
                        .putValueTyped(CaseVariables.AI_SHARE, Variables.doubleValue(aiShare, true))
                        .putValueTyped(CaseVariables.APPROVED_BY, Variables.stringValue(user.username(), true)));
    }

    /** Whoever wrote or edited the text now up for approval (four-eyes). */
    private boolean authored(long caseId, CurrentText.Current current, CurrentUser user) {
        Draft draft = current.draft();
        boolean wroteIt =
                draft.producer() == Draft.Producer.HUMAN && user.username().equals(draft.model());
        return wroteIt || versions.editedBy(caseId, draft.id(), user.username());
    }
}
