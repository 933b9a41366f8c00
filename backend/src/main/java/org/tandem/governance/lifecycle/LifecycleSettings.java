package org.tandem.governance.lifecycle;

import java.time.Duration;
import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often a project in production is reviewed, how often a running wave's KPIs are compared
 * with their guardrails, and how many closed cases a KPI needs before its guardrail can trip.
 */
@Component
public class LifecycleSettings {

    private final String reviewPeriod;
    private final String guardrailCheckInterval;
    private final int guardrailMinCases;

    LifecycleSettings(
            @Value("${tandem.lifecycle.review-period:P90D}") String reviewPeriod,
            @Value("${tandem.lifecycle.guardrail-check-interval:PT1H}") String guardrailCheckInterval,
            @Value("${tandem.lifecycle.guardrail-min-cases:5}") int guardrailMinCases) {
        // fail at start-up rather than when the first timer is created
        Period.parse(reviewPeriod);
        Duration.parse(guardrailCheckInterval);
        this.reviewPeriod = reviewPeriod;
        this.guardrailCheckInterval = guardrailCheckInterval;
        this.guardrailMinCases = guardrailMinCases;
    }

    public String reviewPeriod() {
        return reviewPeriod;
    }

    public String guardrailCheckInterval() {
        return guardrailCheckInterval;
    }

    public int guardrailMinCases() {
        return guardrailMinCases;
    }
}
