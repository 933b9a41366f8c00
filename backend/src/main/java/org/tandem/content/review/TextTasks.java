package org.tandem.content.review;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.content.ContentTasks;
import org.tandem.content.CurrentText;
import org.tandem.content.Draft;
import org.tandem.content.DraftRepository;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;
import org.tandem.work.TaskHandler;

/**
 * The texts people write: an expert's edit of the draft and the hand-drafting when the AI did not
 * draft. Every save is a kept version, measured against the AI draft; submitting completes the task.
 */
@Component
public class TextTasks implements TaskHandler {

    /** What a save without completing returns: the version and how far it is from the AI draft. */
    public record SavedVersion(
            int version, OffsetDateTime savedAt, double aiShare, Double editRatioChars, Double editRatioWords) {}

    private final TaskService taskService;
    private final TaskAccess access;
    private final DraftRepository drafts;
    private final ContentVersionRepository versions;
    private final CurrentText currentText;
    private final AuditTrail audit;

    TextTasks(
            TaskService taskService,
            TaskAccess access,
            DraftRepository drafts,
            ContentVersionRepository versions,
            CurrentText currentText,
            AuditTrail audit) {
        this.taskService = taskService;
        this.access = access;
        this.drafts = drafts;
        this.versions = versions;
        this.currentText = currentText;
        this.audit = audit;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(ContentTasks.EDIT, ContentTasks.HAND_DRAFT);
    }

    @Override
    public void complete(Task task, TaskDecision d, CurrentUser user) {
        long caseId = CaseSteps.caseId(task, access);
        if (d.decision() != TaskDecision.Decision.SUBMIT) {
            throw d.notPossibleOn(task);
        }
        if (!d.reasons().isEmpty()) {
            // the reasons of an edit are given with « Modifier » at the review
            throw ApiException.invalidField(
                    "reasons", "Les motifs se donnent à la relecture, avec « Modifier » : pas à l'envoi du texte.");
        }
        String text = requireText(d.text());
        access.claim(task, user);
        if (ContentTasks.HAND_DRAFT.equals(task.getTaskDefinitionKey())) {
            saveHandDraft(task, caseId, text, user);
            taskService.complete(
                    task.getId(),
                    Map.of("draftId", drafts.latest(caseId).orElseThrow().id()));
            return;
        }
        if (!currentText.of(caseId).map(c -> c.text().equals(text)).orElse(false)) {
            saveEdit(task, caseId, text, user);
        }
        taskService.complete(task.getId());
    }

    /** Saves the text being edited without completing the task; every save is a kept version. */
    @Transactional
    public SavedVersion save(String taskId, String rawText, CurrentUser user) {
        Task task = access.requireWorkable(taskId, user);
        String key = task.getTaskDefinitionKey();
        if (!taskKeys().contains(key)) {
            throw ApiException.badRequest("Seuls les textes en cours de modification ou de rédaction s'enregistrent.");
        }
        long caseId = CaseSteps.caseId(task, access);
        String text = requireText(rawText);
        access.claim(task, user);
        return ContentTasks.HAND_DRAFT.equals(key)
                ? saveHandDraft(task, caseId, text, user)
                : saveEdit(task, caseId, text, user);
    }

    private SavedVersion saveEdit(Task task, long caseId, String text, CurrentUser user) {
        CurrentText.Current current = currentText
                .of(caseId)
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
        audit.append(caseId, user.username(), AuditType.EDIT_SAVED, details, Map.of("text", text));
        return new SavedVersion(version.versionNo(), version.createdAt(), aiShare, chars, words);
    }

    private SavedVersion saveHandDraft(Task task, long caseId, String text, CurrentUser user) {
        Draft draft = drafts.saveHumanDraft(caseId, task.getId(), text, user.username());
        audit.append(
                caseId,
                user.username(),
                AuditType.HAND_DRAFTED,
                Map.of("taskId", task.getId(), "draftId", draft.id()),
                Map.of("text", text));
        return new SavedVersion(draft.attempt() + 1, draft.createdAt(), 0.0, null, null);
    }

    private static String requireText(String text) {
        return TaskDecision.require("text", text, "Le texte ne peut pas être vide.");
    }
}
