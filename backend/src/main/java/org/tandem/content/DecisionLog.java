package org.tandem.content;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.content.review.ReviewDecisionRepository;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.usecase.QualityCatalog;
import org.tandem.platform.web.ApiException;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskDecision;

/**
 * A person's decision on a task, kept twice: as a row the case page lists, and in the audit trail; with
 * the structured reasons chosen beside the free text (the use case's set), which feed the quality loop.
 */
@Component
public class DecisionLog {

    /** The decisions that correct something, and may say why with reasons. */
    public static final Set<TaskDecision.Decision> CORRECTIONS = EnumSet.of(
            TaskDecision.Decision.REJECT,
            TaskDecision.Decision.REGENERATE,
            TaskDecision.Decision.EDIT,
            TaskDecision.Decision.RETURN);

    private final ReviewDecisionRepository decisions;
    private final AuditTrail audit;
    private final DraftDisplays displays;
    private final CaseRepository cases;
    private final QualityCatalog quality;
    private final ReadingFloor readingFloor;
    private final CurrentText currentText;

    DecisionLog(
            ReviewDecisionRepository decisions,
            AuditTrail audit,
            DraftDisplays displays,
            CaseRepository cases,
            QualityCatalog quality,
            ReadingFloor readingFloor,
            CurrentText currentText) {
        this.displays = displays;
        this.decisions = decisions;
        this.audit = audit;
        this.cases = cases;
        this.quality = quality;
        this.readingFloor = readingFloor;
        this.currentText = currentText;
    }

    /**
     * Refuses reasons that are not the case's use case's, or that come with a decision that corrects nothing.
     *
     * @return the reasons, without duplicates
     */
    public List<String> checkReasons(long caseId, TaskDecision d) {
        if (d.reasons().isEmpty()) {
            return List.of();
        }
        if (!CORRECTIONS.contains(d.decision())) {
            throw ApiException.invalidField(
                    "reasons",
                    "Les motifs accompagnent un rejet, une régénération, une modification ou un renvoi, "
                            + "pas cette décision : décochez-les.");
        }
        String useCase = cases.useCaseKeyOf(caseId).orElseThrow();
        var settings = quality.settings(useCase);
        for (String code : d.reasons()) {
            if (code == null || settings.reason(code).isEmpty()) {
                throw ApiException.invalidField(
                        "reasons",
                        "Le motif « " + code + " » n'existe pas pour ce cas d'usage : choisissez-en un de la liste.");
            }
        }
        return d.reasons().stream().distinct().toList();
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
        List<String> reasons = checkReasons(caseId, d);
        long id = decisions.insert(
                caseId,
                task.getId(),
                task.getTaskDefinitionKey(),
                d.decision().name(),
                instruction,
                reason,
                user.username());
        decisions.insertReasons(id, reasons);
        var details = new LinkedHashMap<String, Object>();
        details.put("task", task.getTaskDefinitionKey());
        details.put("decision", d.decision().name());
        if (!reasons.isEmpty()) {
            details.put("reasons", reasons);
        }
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

    /**
     * The decision with the time the person had the whole text displayed, when they displayed it. An
     * acceptance goes through the reading-speed floor first ({@link ReadingFloor}): under it, it needs the
     * person's confirmation and is counted; every such decision is kept for the reviewers' figures.
     */
    public void recordDisplayed(
            Task task, long caseId, TaskDecision d, CurrentUser user, String instruction, String reason) {
        Long displayed = displays.timeSpent(task, user).orElse(null);
        String text = currentText.of(caseId).map(CurrentText.Current::text).orElse(null);
        boolean approval =
                d.decision() == TaskDecision.Decision.ACCEPT || d.decision() == TaskDecision.Decision.APPROVE;
        if (approval && displayed != null) {
            readingFloor.approve(task, caseId, d, user, text, displayed);
        } else {
            readingFloor.record(task, caseId, d, user, text, displayed);
        }
        record(task, caseId, d, user, instruction, reason, null, displayed);
    }
}
