package org.tandem.platform.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service task of {@code processes/data-retention.bpmn}: erases the cases past their retention
 * period, and records how many in the run's (small) variables. Thin: {@link Erasures} does the work.
 */
@Component("retentionDelegate")
class RetentionDelegate implements JavaDelegate {

    private final Erasures erasures;

    RetentionDelegate(Erasures erasures) {
        this.erasures = erasures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var done = erasures.eraseDue();
        execution.setVariable("erasedCases", done.map(e -> e.caseIds().size()).orElse(0));
        execution.setVariable("erasureId", done.map(Erasure::id).orElse(null));
    }
}
