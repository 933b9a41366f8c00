package org.tandem.content.review;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tandem.content.CaseVariables;
import org.tandem.content.ContentTasks;
import org.tandem.content.DecisionLog;
import org.tandem.content.drafting.ContextAssembler;
import org.tandem.content.metrics.CaseMetricsService;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.usecase.UseCase;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;
import org.tandem.work.TaskHandler;

/**
 * An expert's review of the AI draft: accept (only once it was displayed in full), edit, send back
 * to the AI with an instruction (up to the use case's limit), or reject.
 */
@Component
class ReviewTask implements TaskHandler {

    private final TaskService taskService;
    private final TaskAccess access;
    private final CaseSteps steps;
    private final ContextAssembler contextAssembler;
    private final CaseMetricsService metrics;
    private final DecisionLog decisionLog;
    private final DraftDisplays displays;

    ReviewTask(
            TaskService taskService,
            TaskAccess access,
            CaseSteps steps,
            ContextAssembler contextAssembler,
            CaseMetricsService metrics,
            DecisionLog decisionLog,
            DraftDisplays displays) {
        this.taskService = taskService;
        this.access = access;
        this.steps = steps;
        this.contextAssembler = contextAssembler;
        this.metrics = metrics;
        this.decisionLog = decisionLog;
        this.displays = displays;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(ContentTasks.REVIEW);
    }

    @Override
    public void complete(Task task, TaskDecision d, CurrentUser user) {
        long caseId = CaseSteps.caseId(task, access);
        Map<String, Object> variables = new HashMap<>();
        switch (d.decision()) {
            case ACCEPT, EDIT -> {
                if (d.decision() == TaskDecision.Decision.ACCEPT) {
                    displays.require(task, user);
                }
                decisionLog.recordDisplayed(task, caseId, d, user, null, null);
            }
            case REGENERATE -> {
                String instruction =
                        TaskDecision.require("instruction", d.instruction(), "Indiquez à l'IA ce qu'il faut changer.");
                int regenerations = steps.intVariable(task, CaseVariables.REGENERATIONS) + 1;
                int limit = steps.useCase(caseId).regenerationLimit();
                if (regenerations <= limit) {
                    contextAssembler.prepareRegeneration(caseId, instruction);
                }
                // the count is the case's own (stored from the first regeneration on); the use case's limit is
                // only for the gateway that follows
                variables.put(CaseVariables.REGENERATIONS, regenerations);
                variables.put(CaseVariables.MAX_REGENERATIONS, Variables.integerValue(limit, true));
                decisionLog.recordDisplayed(task, caseId, d, user, instruction, null);
            }
            case REJECT -> {
                String reason =
                        TaskDecision.require("reason", d.reason(), "Expliquez pourquoi vous rejetez ce brouillon.");
                decisionLog.recordDisplayed(task, caseId, d, user, null, reason);
                UseCase.RejectOutcome outcome = steps.useCase(caseId).rejectOutcome();
                if (outcome == UseCase.RejectOutcome.END) {
                    metrics.record(caseId, null, steps.regenerations(caseId), CaseSteps.now());
                }
                // what the use case does with a rejected draft: for the gateway that follows
                variables.put(CaseVariables.ON_REJECT, Variables.stringValue(outcome.name(), true));
            }
            default -> throw d.notPossibleOn(task);
        }
        access.claim(task, user);
        variables.put(CaseVariables.REVIEW_DECISION, CaseSteps.gatewayDecision(d));
        taskService.complete(task.getId(), variables);
    }
}
