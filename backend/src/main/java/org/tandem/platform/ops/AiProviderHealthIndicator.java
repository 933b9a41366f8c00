package org.tandem.platform.ops;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import org.tandem.platform.ai.AiProperties;

/**
 * The configured AI provider ({@code aiProvider} in {@code /actuator/health}). Deliberately NOT in
 * the readiness group: when the provider fails, cases go to people ("rédiger à la main"), so an
 * outage must not take the node out of the load balancer. It reports the configuration and never
 * calls the provider (a health probe must not cost tokens nor leak the key).
 */
@Component("aiProvider")
public class AiProviderHealthIndicator implements HealthIndicator {

    private final AiProperties ai;

    AiProviderHealthIndicator(AiProperties ai) {
        this.ai = ai;
    }

    @Override
    public Health health() {
        if (ai.provider() == AiProperties.Provider.OFFLINE) {
            return Health.up()
                    .withDetail("provider", "offline")
                    .withDetail("mode", "offline drafter, no model")
                    .build();
        }
        Health.Builder builder =
                Health.up().withDetail("provider", ai.provider().key());
        if (ai.model() != null) {
            builder.withDetail("model", ai.model());
        }
        try {
            ai.validate();
        } catch (IllegalStateException e) {
            builder.down().withDetail("problem", e.getMessage());
        }
        return builder.build();
    }
}
