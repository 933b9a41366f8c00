package org.tandem.content.review;

import org.tandem.content.CurrentText;
import org.tandem.content.DecisionLog;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.guardrails.GuardrailContext;
import org.tandem.platform.guardrails.OutputGuardrails;
import org.tandem.platform.guardrails.Violation;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.content.CaseRepository;
import org.tandem.chatbot.UnattendedAuthorizations;
import org.tandem.content.CaseVariables;
import java.util.List;
import org.tandem.content.ContentCase;
import org.tandem.content.drafting.ContextAssembler;
import org.tandem.content.Draft;
import org.tandem.content.DraftRepository;
import org.tandem.extraction.ExtractionService;
import org.tandem.content.metrics.CaseMetricsService;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;

/**
 * The people's steps of a content case: review, edit, hand-drafting and approval. Each action
 * and its audit entry commit together with the engine's task completion.
 */
@Service
public class ReviewService {

    public static final String REVIEW_TASK = "review";
    public static final String EDIT_TASK = "edit";
    public static final String HAND_DRAFT_TASK = "handDraft";
    public static final String APPROVE_TASK = "approve";
    public static final String POST_REVIEW_TASK = "postReview";
    public static final String AUTHORIZE_UNATTENDED_TASK = "authorizeUnattended";
    /** What {@link #complete} returns for a task that belongs to no case (a standing authorisation). */
    public static final long NO_CASE = 0;

    /** What a save without completing returns: the version and how far it is from the AI draft. */
    public record SavedVersion(int version, OffsetDateTime savedAt, double aiShare, Double editRatioChars,
                               Double editRatioWords) {
    }

    private final TaskService taskService;
    private final TaskAccess access;
    private final CaseRepository cases;
    private final DraftRepository drafts;
    private final ContentVersionRepository versions;
    private final CurrentText currentText;
    private final ContextAssembler contextAssembler;
    private final CaseMetricsService metrics;
    private final UseCaseCatalog useCases;
    private final AuditTrail audit;
    private final ExtractionService extraction;
    private final OutputGuardrails guardrails;
    private final AnswerReview answers;
    private final DecisionLog decisionLog;
    private final DraftDisplays displays;
    private final UnattendedAuthorizations unattended;

    ReviewService(TaskService taskService, TaskAccess access, CaseRepository cases, DraftRepository drafts,
                  ContentVersionRepository versions, CurrentText currentText,
                  ContextAssembler contextAssembler, CaseMetricsService metrics, UseCaseCatalog useCases,
                  AuditTrail audit, ExtractionService extraction, OutputGuardrails guardrails,
                  AnswerReview answers, DecisionLog decisionLog, DraftDisplays displays,
                  UnattendedAuthorizations unattended) {
        this.unattended = unattended;
        this.displays = displays;
        this.answers = answers;
        this.decisionLog = decisionLog;
        this.taskService = taskService;
        this.access = access;
        this.cases = cases;
        this.drafts = drafts;
        this.versions = versions;
        this.currentText = currentText;
        this.contextAssembler = contextAssembler;
        this.metrics = metrics;
        this.useCases = useCases;
        this.audit = audit;
        this.extraction = extraction;
        this.guardrails = guardrails;
    }

    @Transactional
    public long complete(String taskId, TaskDecision decision, CurrentUser user) {
        try {
            return completeTask(taskId, decision, user);
        } catch (NullValueException e) {
            // the task vanished between our read and our write: a concurrent completion won
            throw ApiException.conflict("Cette tâche vient d'être traitée par quelqu'un d'autre. Rechargez la liste.");
        }
    }

    private long completeTask(String taskId, TaskDecision decision, CurrentUser user) {
        Task task = access.requireWorkable(taskId, user);
        if (AUTHORIZE_UNATTENDED_TASK.equals(task.getTaskDefinitionKey())) {
            authorizeUnattended(task, decision, user);
            return NO_CASE;
        }
        String businessKey = access.businessKey(task);
        if (businessKey == null || !businessKey.matches("\\d{1,18}")) {
            // e.g. a knowledge document's review: it has its own screen and endpoint
            throw ApiException.conflict("Cette tâche ne concerne pas un dossier de contenu : traitez-la depuis son "
                    + "propre écran (« " + task.getName() + " »).");
        }
        long caseId = Long.parseLong(businessKey);
        switch (task.getTaskDefinitionKey()) {
            case REVIEW_TASK -> review(task, caseId, decision, user);
            case EDIT_TASK -> submitEdit(task, caseId, decision, user);
            case HAND_DRAFT_TASK -> submitHandDraft(task, caseId, decision, user);
            case APPROVE_TASK -> approveOrReturn(task, caseId, decision, user);
            case POST_REVIEW_TASK -> postReview(task, caseId, decision, user);
            case ExtractionService.VERIFY_TASK, ExtractionService.ENTER_TASK ->
                    extraction.submit(task, caseId, decision, user);
            case AnswerReview.READ_TASK, AnswerReview.EXPERT_TASK -> answers.submit(task, caseId, decision, user);
            default -> throw ApiException.badRequest("Cette tâche ne se traite pas depuis Tandem.");
        }
        return caseId;
    }

    /** Saves the text being edited without completing the task; every save is a kept version. */
    @Transactional
    public SavedVersion save(String taskId, String rawText, CurrentUser user) {
        Task task = access.requireWorkable(taskId, user);
        String key = task.getTaskDefinitionKey();
        if (!EDIT_TASK.equals(key) && !HAND_DRAFT_TASK.equals(key)) {
            throw ApiException.badRequest("Seuls les textes en cours de modification ou de rédaction s'enregistrent.");
        }
        long caseId = Long.parseLong(access.businessKey(task));
        String text = requireText(rawText);
        claim(task, user);
        return HAND_DRAFT_TASK.equals(key) ? saveHandDraft(task, caseId, text, user) : saveEdit(task, caseId, text, user);
    }

    private void review(Task task, long caseId, TaskDecision d, CurrentUser user) {
        Map<String, Object> variables = new HashMap<>();
        switch (d.decision()) {
            case ACCEPT, EDIT -> {
                if (d.decision() == TaskDecision.Decision.ACCEPT) {
                    displays.require(task, user);
                }
                record(task, caseId, d, user, null, null);
            }
            case REGENERATE -> {
                String instruction = requireField("instruction", d.instruction(),
                        "Indiquez à l'IA ce qu'il faut changer.");
                int regenerations = intVariable(task, CaseVariables.REGENERATIONS) + 1;
                if (regenerations <= intVariable(task, CaseVariables.MAX_REGENERATIONS)) {
                    contextAssembler.prepareRegeneration(caseId, instruction);
                }
                variables.put(CaseVariables.REGENERATIONS, regenerations);
                record(task, caseId, d, user, instruction, null);
            }
            case REJECT -> {
                String reason = requireField("reason", d.reason(), "Expliquez pourquoi vous rejetez ce brouillon.");
                record(task, caseId, d, user, null, reason);
                if (useCase(caseId).rejectOutcome() == UseCase.RejectOutcome.END) {
                    metrics.record(caseId, null, intVariable(task, CaseVariables.REGENERATIONS), now());
                }
            }
            default -> throw wrongDecision(task, d);
        }
        claim(task, user);
        variables.put(CaseVariables.REVIEW_DECISION, d.decision().name());
        taskService.complete(task.getId(), variables);
    }

    private void submitEdit(Task task, long caseId, TaskDecision d, CurrentUser user) {
        if (d.decision() != TaskDecision.Decision.SUBMIT) {
            throw wrongDecision(task, d);
        }
        String text = requireText(d.text());
        claim(task, user);
        if (!currentText.of(caseId).map(c -> c.text().equals(text)).orElse(false)) {
            saveEdit(task, caseId, text, user);
        }
        taskService.complete(task.getId());
    }

    private void submitHandDraft(Task task, long caseId, TaskDecision d, CurrentUser user) {
        if (d.decision() != TaskDecision.Decision.SUBMIT) {
            throw wrongDecision(task, d);
        }
        String text = requireText(d.text());
        claim(task, user);
        saveHandDraft(task, caseId, text, user);
        taskService.complete(task.getId(), Map.of("draftId", drafts.latest(caseId).orElseThrow().id()));
    }

    private void approveOrReturn(Task task, long caseId, TaskDecision d, CurrentUser user) {
        switch (d.decision()) {
            case APPROVE -> approve(task, caseId, user);
            case RETURN -> {
                String reason = requireField("reason", d.reason(), "Expliquez ce qu'il faut modifier.");
                claim(task, user);
                record(task, caseId, d, user, null, reason);
                taskService.complete(task.getId(), Map.of(CaseVariables.APPROVAL_DECISION, d.decision().name()));
            }
            default -> throw wrongDecision(task, d);
        }
    }

    /** An expert's review, after the fact, of a chatbot answer drawn by lot. */
    private void postReview(Task task, long caseId, TaskDecision d, CurrentUser user) {
        String reason = null;
        switch (d.decision()) {
            // « correct » approves what the member read: only once the whole answer and its sources were displayed
            case ACCEPT -> displays.require(task, user);
            case REJECT -> reason = requireField("reason", d.reason(), "Dites ce qui ne va pas dans cette réponse.");
            default -> throw wrongDecision(task, d);
        }
        claim(task, user);
        record(task, caseId, d, user, null, reason);
        taskService.complete(task.getId(), Map.of("postReviewDecision", d.decision().name()));
    }

    /** An AI referent authorises (or refuses) unattended answers for one pre-prompt version. */
    private void authorizeUnattended(Task task, TaskDecision d, CurrentUser user) {
        Map<String, Object> variables = new HashMap<>();
        switch (d.decision()) {
            case APPROVE -> {
                // a standing approval of every future answer: only once the whole pre-prompt was displayed
                displays.require(task, user);
                variables.put("authorized", true);
            }
            case REJECT -> {
                variables.put("authorized", false);
                variables.put("reason", requireField("reason", d.reason(), "Expliquez pourquoi vous refusez."));
            }
            default -> throw wrongDecision(task, d);
        }
        variables.put("authorizedBy", user.username());
        claim(task, user);
        unattended.record(access.businessKey(task), task.getId(), Boolean.TRUE.equals(variables.get("authorized")),
                user.username());
        taskService.complete(task.getId(), variables);
    }

    private void approve(Task task, long caseId, CurrentUser user) {
        CurrentText.Current current = currentText.of(caseId)
                .orElseThrow(() -> ApiException.conflict("Ce dossier n'a pas encore de texte à approuver."));
        String text = current.text();
        ContentCase contentCase = cases.findById(caseId).orElseThrow();
        UseCase useCase = useCase(caseId);
        // the same guardrails as on the AI draft, now on the text as edited: a placeholder left, a token
        // not restored or a forbidden opening stops the approval, whoever wrote the text
        List<Violation> blocking = useCase.extracts() ? List.of() : guardrails.check(text, useCase.guardrailRules(),
                        GuardrailContext.of(contentCase.subject(), contentCase.message())).stream()
                .filter(Violation::blocksApproval).toList();
        if (!blocking.isEmpty()) {
            throw ApiException.invalidField("text", String.join(" ", blocking.stream().map(Violation::messageFr)
                    .toList()) + " Renvoyez le texte en modification avant de l'approuver.");
        }
        if (useCase(caseId).fourEyes() && authored(caseId, current, user)) {
            throw ApiException.forbidden("Vous avez modifié ce contenu : un autre approbateur doit le valider "
                    + "(principe des quatre yeux).");
        }
        long displayTimeMs = displays.require(task, user);
        var aiDraft = current.aiSource();
        double aiShare = aiDraft.map(draft -> AiShare.of(draft.text(), text)).orElse(0.0);
        // claiming first makes a concurrent second approval fail cleanly (409) instead of completing twice
        claim(task, user);
        cases.recordApproval(caseId, text, user.username(), aiShare);
        var details = new LinkedHashMap<String, Object>();
        details.put("taskId", task.getId());
        details.put("finalText", text);
        details.put("aiShare", aiShare);
        details.put("aiDraftId", aiDraft.map(Draft::id).orElse(null));
        details.put("versionNo", current.version().map(ContentVersion::versionNo).orElse(null));
        details.put("displayTimeMs", displayTimeMs);
        audit.append(caseId, user.username(), AuditType.APPROVED, details);
        metrics.record(caseId, text, intVariable(task, CaseVariables.REGENERATIONS), now());
        taskService.complete(task.getId(), Map.of(
                CaseVariables.APPROVAL_DECISION, TaskDecision.Decision.APPROVE.name(),
                CaseVariables.CHECKED_BY_HUMAN, true,
                CaseVariables.AI_SHARE, aiShare,
                CaseVariables.APPROVED_BY, user.username()));
    }

    /** Whoever wrote or edited the text now up for approval (four-eyes). */
    private boolean authored(long caseId, CurrentText.Current current, CurrentUser user) {
        Draft draft = current.draft();
        boolean wroteIt = draft.producer() == Draft.Producer.HUMAN && user.username().equals(draft.model());
        return wroteIt || versions.editedBy(caseId, draft.id(), user.username());
    }

    private SavedVersion saveEdit(Task task, long caseId, String text, CurrentUser user) {
        CurrentText.Current current = currentText.of(caseId)
                .orElseThrow(() -> ApiException.conflict("Ce dossier n'a pas encore de brouillon à modifier."));
        Draft draft = current.draft();
        var aiDraft = current.aiSource();
        double aiShare = aiDraft.map(d -> AiShare.of(d.text(), text)).orElse(0.0);
        ContentVersion version = versions.append(caseId, draft.id(), text, user.username(), task.getId(), aiShare);
        Double chars = aiDraft.map(d -> EditMeasure.characters(d.text(), text)).orElse(null);
        Double words = aiDraft.map(d -> EditMeasure.words(d.text(), text)).orElse(null);
        var details = new LinkedHashMap<String, Object>();
        details.put("versionNo", version.versionNo());
        details.put("draftId", draft.id());
        details.put("aiShare", aiShare);
        details.put("editRatioChars", chars);
        details.put("text", text);
        audit.append(caseId, user.username(), AuditType.EDIT_SAVED, details);
        return new SavedVersion(version.versionNo(), version.createdAt(), aiShare, chars, words);
    }

    private SavedVersion saveHandDraft(Task task, long caseId, String text, CurrentUser user) {
        Draft draft = drafts.saveHumanDraft(caseId, task.getId(), text, user.username());
        audit.append(caseId, user.username(), AuditType.HAND_DRAFTED, Map.of("taskId", task.getId(),
                "draftId", draft.id(), "text", text));
        return new SavedVersion(draft.attempt() + 1, draft.createdAt(), 0.0, null, null);
    }

    private void record(Task task, long caseId, TaskDecision d, CurrentUser user, String instruction, String reason) {
        decisionLog.record(task, caseId, d, user, instruction, reason, null,
                displays.timeSpent(task, user).orElse(null));
    }

    private void claim(Task task, CurrentUser user) {
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user.username());
        }
    }

    private UseCase useCase(long caseId) {
        ContentCase c = cases.findById(caseId).orElseThrow();
        return useCases.find(c.useCaseKey()).orElseThrow();
    }

    private int intVariable(Task task, String name) {
        Object value = taskService.getVariable(task.getId(), name);
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static OffsetDateTime now() {
        return org.tandem.platform.time.EngineClock.now();
    }

    private static String requireText(String text) {
        return requireField("text", text, "Le texte ne peut pas être vide.");
    }

    private static String requireField(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, message);
        }
        return value.strip();
    }

    private static ApiException wrongDecision(Task task, TaskDecision d) {
        return ApiException.invalidField("decision", "La décision « " + d.decision() + " » n'est pas possible sur la tâche « "
                + task.getName() + " ».");
    }
}
