package org.tandem.content.review;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;
import org.tandem.content.CaseRepository;
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.work.TaskDecision;

/** What the content tasks' handlers read alike: a case's use case, a task's counters, the engine's time. */
@Component
class CaseSteps {

    private final CaseRepository cases;
    private final UseCaseCatalog useCases;
    private final TaskService taskService;
    private final ReviewDecisionRepository decisions;

    CaseSteps(
            CaseRepository cases,
            UseCaseCatalog useCases,
            TaskService taskService,
            ReviewDecisionRepository decisions) {
        this.cases = cases;
        this.useCases = useCases;
        this.taskService = taskService;
        this.decisions = decisions;
    }

    UseCase useCase(long caseId) {
        return useCases.find(cases.useCaseKeyOf(caseId).orElseThrow()).orElseThrow();
    }

    /** The case's regenerations so far, for its metrics: from its recorded decisions, not an engine read. */
    int regenerations(long caseId) {
        return decisions.regenerations(caseId);
    }

    int intVariable(Task task, String name) {
        Object value = taskService.getVariable(task.getId(), name);
        return value instanceof Number n ? n.intValue() : 0;
    }

    /**
     * A decision for the gateway that follows, in the same command: transient. Decisions are kept in Tandem's
     * tables and the audit trail; the approval the disclosure requires (checkedByHuman, approvedBy) stays stored.
     */
    static StringValue gatewayDecision(TaskDecision d) {
        return Variables.stringValue(d.decision().name(), true);
    }

    static OffsetDateTime now() {
        return EngineClock.now();
    }

    static long caseId(Task task, org.tandem.work.TaskAccess access) {
        return access.caseId(task)
                .orElseThrow(() -> new IllegalStateException(
                        "Task " + task.getId() + " (" + task.getTaskDefinitionKey() + ") belongs to no content case"));
    }
}
