package org.tandem.content.delivery;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The mail transport ({@code delivery} in {@code /actuator/health}), NOT in the readiness group: a mail
 * server down leaves contents « à envoyer », it does not make the node useless. Reports the last probe of
 * {@link DeliveryRecovery} (no connection per health call), the contents waiting and the incidents.
 */
@Component("delivery")
class DeliveryHealthIndicator implements HealthIndicator {

    private final DeliveryRecovery recovery;
    private final DeliveryRepository repository;

    DeliveryHealthIndicator(DeliveryRecovery recovery, DeliveryRepository repository) {
        this.recovery = recovery;
        this.repository = repository;
    }

    @Override
    public Health health() {
        DeliveryRecovery.Probe probe = recovery.lastProbe();
        Health.Builder health = probe == null || probe.reachable() ? Health.up() : Health.down();
        health.withDetail("transport", recovery.transport())
                .withDetail("toSend", repository.countToSend())
                .withDetail("incidents", recovery.stuckJobs().size());
        if (probe != null) {
            health.withDetail("probedAt", probe.at().toString());
            if (probe.problem() != null) {
                health.withDetail("problem", probe.problem());
            }
        }
        return health.build();
    }
}
