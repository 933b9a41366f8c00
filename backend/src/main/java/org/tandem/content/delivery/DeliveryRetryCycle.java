package org.tandem.content.delivery;

import org.springframework.stereotype.Component;

/**
 * The retry cycle of the {@code deliver} step, read by content.bpmn's
 * {@code camunda:failedJobRetryTimeCycle} as {@code ${deliveryRetryCycle.value}}: the operator sets it
 * ({@code tandem.delivery.retry-cycle}) without touching the process.
 */
@Component("deliveryRetryCycle")
public class DeliveryRetryCycle {

    private final DeliverySettings settings;

    DeliveryRetryCycle(DeliverySettings settings) {
        this.settings = settings;
    }

    public String getValue() {
        return settings.retryCycle();
    }
}
