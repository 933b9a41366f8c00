package org.tandem.quality.evaluation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.usecase.PromptAuthorizations;
import org.tandem.platform.usecase.PromptVersion;
import org.tandem.platform.web.ApiException;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;
import org.tandem.work.TaskFormValues;
import org.tandem.work.TaskHandler;

/**
 * An AI referent's decision on a pre-prompt version, after reading its evaluation: authorise (only once
 * the comparison and the pre-prompt were displayed in full) and it serves new cases from now on — and, for
 * a use case answering unattended, its answers may go out unread; or refuse with a reason, and it never
 * serves. Recorded in the same transaction as the task's completion; the task belongs to no case (its
 * business key is the version's label).
 */
@Component
class AuthorizeVersionTask implements TaskHandler, TaskFormValues {

    private final TaskService taskService;
    private final TaskAccess access;
    private final DraftDisplays displays;
    private final PromptAuthorizations authorizations;
    private final PromptEvaluations evaluations;

    AuthorizeVersionTask(
            TaskService taskService,
            TaskAccess access,
            DraftDisplays displays,
            PromptAuthorizations authorizations,
            PromptEvaluations evaluations) {
        this.taskService = taskService;
        this.access = access;
        this.displays = displays;
        this.authorizations = authorizations;
        this.evaluations = evaluations;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(PromptAuthorizations.AUTHORIZE_TASK);
    }

    @Override
    public void complete(Task task, TaskDecision d, CurrentUser user) {
        long evaluationId = evaluationId(task);
        var run = evaluations
                .find(evaluationId)
                .orElseThrow(() -> ApiException.conflict("L'évaluation de cette version est introuvable."));
        if (!"DONE".equals(run.status())) {
            throw ApiException.conflict("L'évaluation de cette version n'est pas terminée : attendez la fin.");
        }
        PromptVersion.Label version = new PromptVersion.Label(run.useCaseKey(), run.candidateVersion());
        if (!version.toString().equals(access.businessKey(task))) {
            throw ApiException.conflict("Cette tâche ne correspond pas à la version évaluée.");
        }
        Map<String, Object> variables = new HashMap<>();
        switch (d.decision()) {
            case APPROVE -> {
                // a standing decision for every future case: only once the comparison and the text were read
                displays.require(task, user);
                access.claim(task, user);
                authorizations.decide(
                        version,
                        PromptAuthorizations.Decision.AUTHORISED,
                        user.username(),
                        task.getId(),
                        evaluationId,
                        null);
                variables.put("authorized", true);
            }
            case REJECT -> {
                String reason = TaskDecision.require(
                        "reason",
                        d.reason(),
                        "Expliquez pourquoi vous refusez cette version : ses auteurs s'en servent.");
                access.claim(task, user);
                authorizations.decide(
                        version,
                        PromptAuthorizations.Decision.REFUSED,
                        user.username(),
                        task.getId(),
                        evaluationId,
                        reason);
                variables.put("authorized", false);
            }
            default -> throw d.notPossibleOn(task);
        }
        taskService.complete(task.getId(), variables);
    }

    long evaluationId(Task task) {
        Object value = taskService.getVariable(task.getId(), PromptEvaluations.EVALUATION_ID);
        if (!(value instanceof Number n)) {
            throw ApiException.conflict("Cette tâche n'est rattachée à aucune évaluation.");
        }
        return n.longValue();
    }

    /** The Camunda Form shows the version's text and the totals of its evaluation. */
    @Override
    public void contribute(Task task, String businessKey, Map<String, Object> data) {
        if (!PromptAuthorizations.AUTHORIZE_TASK.equals(task.getTaskDefinitionKey())) {
            return;
        }
        Comparison c = evaluations.comparison(evaluationId(task));
        data.put("prePrompt", c.candidate().prePrompt());
        data.put("summary", summary(c));
    }

    private static String summary(Comparison c) {
        return "Candidate " + c.candidate().label() + " : " + line(c.candidateTotals())
                + (c.baseline() == null
                        ? ""
                        : "\nEn service " + c.baseline().label() + " : " + line(c.baselineTotals()));
    }

    private static String line(Comparison.Totals t) {
        return t.drafted() + " brouillons, " + t.failed() + " échecs, distance moyenne "
                + (t.meanEditDistance() == null
                        ? "—"
                        : String.format(java.util.Locale.FRANCE, "%.3f", t.meanEditDistance()))
                + ", " + t.guardrailFindings() + " alertes";
    }
}
