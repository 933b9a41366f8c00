package org.tandem.content.review;

import org.tandem.content.DecisionLog;
import org.tandem.work.TaskDecision;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.content.CaseRepository;
import org.tandem.content.Draft;
import org.tandem.content.DraftRepository;
import org.tandem.content.metrics.CaseMetricsService;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;

/**
 * The AMI assistant's two tasks: the adviser who asked reads the AI's answer and says whether it
 * helped (or asks an expert); an expert answers when asked or when the AI failed. The answer stays
 * inside the company, so the adviser's reading is the human check and nothing is disclosed.
 */
@Component
class AnswerReview {

    static final String READ_TASK = "readAnswer";
    static final String EXPERT_TASK = "expertAnswer";
    static final String ANSWER_DECISION = "answerDecision";

    private final TaskService taskService;
    private final CaseRepository cases;
    private final DraftRepository drafts;
    private final DecisionLog decisionLog;
    private final CaseMetricsService metrics;

    AnswerReview(TaskService taskService, CaseRepository cases, DraftRepository drafts, DecisionLog decisionLog,
                 CaseMetricsService metrics) {
        this.taskService = taskService;
        this.cases = cases;
        this.drafts = drafts;
        this.decisionLog = decisionLog;
        this.metrics = metrics;
    }

    void submit(Task task, long caseId, TaskDecision d, CurrentUser user) {
        if (READ_TASK.equals(task.getTaskDefinitionKey())) {
            read(task, caseId, d, user);
        } else {
            answer(task, caseId, d, user);
        }
    }

    private void read(Task task, long caseId, TaskDecision d, CurrentUser user) {
        Draft aiAnswer = drafts.latestByAi(caseId)
                .orElseThrow(() -> ApiException.conflict("Cette question n'a pas encore de réponse de l'IA."));
        String instruction = null;
        String reason = null;
        switch (d.decision()) {
            case ACCEPT -> {
                // the adviser found it useful: the AI's answer, unchanged, is what was used
                cases.recordApproval(caseId, aiAnswer.text(), user.username(), 1.0);
                metrics.record(caseId, aiAnswer.text(), 0, now());
            }
            case REJECT -> {
                reason = required("reason", d.reason(), "Dites ce qui manque ou est inexact : les propriétaires "
                        + "des documents s'en servent pour améliorer la base.");
                metrics.record(caseId, null, 0, now());
            }
            case ASK_EXPERT -> instruction = required("instruction", d.instruction(),
                    "Écrivez la question que vous posez à l'expert.");
            default -> throw ApiException.invalidField("decision", "La décision « " + d.decision()
                    + " » n'est pas possible sur la tâche « " + task.getName() + " ».");
        }
        decisionLog.record(task, caseId, d, user, instruction, reason, null, null);
        claim(task, user);
        taskService.complete(task.getId(), Map.of(ANSWER_DECISION, d.decision().name()));
    }

    private void answer(Task task, long caseId, TaskDecision d, CurrentUser user) {
        if (d.decision() != TaskDecision.Decision.SUBMIT) {
            throw ApiException.invalidField("decision", "La décision « " + d.decision()
                    + " » n'est pas possible sur la tâche « " + task.getName() + " ».");
        }
        String text = required("text", d.text(), "Écrivez votre réponse au conseiller.");
        claim(task, user);
        drafts.saveHumanDraft(caseId, task.getId(), text, user.username());
        double aiShare = drafts.latestByAi(caseId).map(a -> AiShare.of(a.text(), text)).orElse(0.0);
        cases.recordApproval(caseId, text, user.username(), aiShare);
        metrics.record(caseId, text, 0, now());
        decisionLog.record(task, caseId, d, user, null, null, text, null);
        taskService.complete(task.getId(), Map.of(ANSWER_DECISION, d.decision().name()));
    }


    private void claim(Task task, CurrentUser user) {
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user.username());
        }
    }

    private static String required(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, message);
        }
        return value.strip();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
