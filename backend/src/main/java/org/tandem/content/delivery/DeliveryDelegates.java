package org.tandem.content.delivery;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.content.CaseVariables;

/** The engine adapter of the {@code deliver} step (content.bpmn): an asynchronous job, retried by the engine. */
@Configuration(proxyBeanMethods = false)
class DeliveryDelegates {

    /** The kind of disclosure the content process delivers (the approved text). */
    static final String FINAL = "FINAL";

    @Bean("deliver")
    JavaDelegate deliver(DeliveryService deliveries) {
        return execution ->
                deliveries.deliver(((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue(), FINAL);
    }
}
