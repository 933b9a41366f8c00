package org.tandem.content.review;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.content.CaseRepository;
import org.tandem.content.DecisionLog;
import org.tandem.content.Draft;
import org.tandem.content.DraftRepository;
import org.tandem.content.metrics.CaseMetricsService;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;
import org.tandem.work.TaskHandler;

/**
 * The AMI assistant's two tasks: the adviser who asked reads the AI's answer and says whether it
 * helped (or asks an expert); an expert answers when asked or when the AI failed. The answer stays
 * inside the company, so the adviser's reading is the human check and nothing is disclosed.
 */
@Component
class AnswerReview implements TaskHandler {

    static final String READ_TASK = "readAnswer";
    static final String EXPERT_TASK = "expertAnswer";
    static final String ANSWER_DECISION = "answerDecision";

    private final TaskService taskService;
    private final TaskAccess access;
    private final CaseRepository cases;
    private final DraftRepository drafts;
    private final DecisionLog decisionLog;
    private final CaseMetricsService metrics;

    AnswerReview(
            TaskService taskService,
            TaskAccess access,
            CaseRepository cases,
            DraftRepository drafts,
            DecisionLog decisionLog,
            CaseMetricsService metrics) {
        this.taskService = taskService;
        this.access = access;
        this.cases = cases;
        this.drafts = drafts;
        this.decisionLog = decisionLog;
        this.metrics = metrics;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(READ_TASK, EXPERT_TASK);
    }

    @Override
    public void complete(Task task, TaskDecision d, CurrentUser user) {
        long caseId = CaseSteps.caseId(task, access);
        if (READ_TASK.equals(task.getTaskDefinitionKey())) {
            read(task, caseId, d, user);
        } else {
            answer(task, caseId, d, user);
        }
    }

    private void read(Task task, long caseId, TaskDecision d, CurrentUser user) {
        Draft aiAnswer = drafts.latestFromAiStep(caseId)
                .orElseThrow(() -> ApiException.conflict("Cette question n'a pas encore de réponse de l'IA."));
        String instruction = null;
        String reason = null;
        switch (d.decision()) {
            case ACCEPT -> {
                // the adviser found it useful: the AI step's answer, unchanged, is what was used (all of it a
                // model's words, or none of it when the offline drafter answered)
                cases.recordApproval(
                        caseId,
                        aiAnswer.text(),
                        user.username(),
                        aiAnswer.producer().isAi() ? 1.0 : 0.0);
                metrics.record(caseId, aiAnswer.text(), 0, now());
            }
            case REJECT -> {
                reason = TaskDecision.require(
                        "reason",
                        d.reason(),
                        "Dites ce qui manque ou est inexact : les propriétaires "
                                + "des documents s'en servent pour améliorer la base.");
                metrics.record(caseId, null, 0, now());
            }
            case ASK_EXPERT ->
                instruction = TaskDecision.require(
                        "instruction", d.instruction(), "Écrivez la question que vous posez à l'expert.");
            default -> throw d.notPossibleOn(task);
        }
        decisionLog.record(task, caseId, d, user, instruction, reason, null, null);
        access.claim(task, user);
        taskService.complete(task.getId(), Map.of(ANSWER_DECISION, d.decision().name()));
    }

    private void answer(Task task, long caseId, TaskDecision d, CurrentUser user) {
        if (d.decision() != TaskDecision.Decision.SUBMIT) {
            throw d.notPossibleOn(task);
        }
        String text = TaskDecision.require("text", d.text(), "Écrivez votre réponse au conseiller.");
        access.claim(task, user);
        drafts.saveHumanDraft(caseId, task.getId(), text, user.username());
        double aiShare = drafts.latestFromAiStep(caseId)
                .filter(a -> a.producer().isAi())
                .map(a -> AiShare.of(a.text(), text))
                .orElse(0.0);
        cases.recordApproval(caseId, text, user.username(), aiShare);
        metrics.record(caseId, text, 0, now());
        decisionLog.record(task, caseId, d, user, null, null, text, null);
        taskService.complete(task.getId(), Map.of(ANSWER_DECISION, d.decision().name()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
