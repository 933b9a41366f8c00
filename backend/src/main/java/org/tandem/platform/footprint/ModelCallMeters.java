package org.tandem.platform.footprint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Publishes each recorded model call to Micrometer (scraped at {@code /actuator/prometheus}).
 * Tags are the provider, the model and the outcome only: never the case, the user or the prompt.
 * Energy and CO2e are the upper bounds of the estimate (a counter cannot hold a range).
 */
public class ModelCallMeters {

    private final MeterRegistry registry;

    public ModelCallMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void publish(ModelCall call, BigDecimal cost, Footprint footprint) {
        String provider = call.provider();
        String model = call.model() == null ? "unknown" : call.model();
        String outcome = call.succeeded() ? "success" : "failure";
        Counter.builder("tandem.model.calls")
                .description("Model calls")
                .tags("provider", provider, "model", model, "outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("tandem.model.latency")
                .description("Latency of model calls")
                .tags("provider", provider, "model", model, "outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(3))
                .register(registry)
                .record(Duration.ofMillis(Math.max(0, call.latencyMs())));
        tokens(provider, model, "in", call.inputTokens());
        tokens(provider, model, "out", call.outputTokens());
        if (cost != null) {
            Counter.builder("tandem.model.cost")
                    .baseUnit("eur")
                    .description("Cost of model calls, EUR")
                    .tags("provider", provider, "model", model)
                    .register(registry)
                    .increment(cost.doubleValue());
        }
        if (footprint != null) {
            Counter.builder("tandem.model.energy")
                    .baseUnit("wh")
                    .description("Energy of model calls, Wh (upper bound of the estimate)")
                    .tags("provider", provider, "model", model)
                    .register(registry)
                    .increment(footprint.energyWh().max());
            co2e(provider, model, "usage", footprint.usageKgCo2e().max());
            co2e(provider, model, "embodied", footprint.embodiedKgCo2e().max());
        }
    }

    private void tokens(String provider, String model, String direction, Integer count) {
        Counter counter = Counter.builder("tandem.model.tokens")
                .baseUnit("tokens")
                .description("Tokens of model calls")
                .tags("provider", provider, "model", model, "direction", direction)
                .register(registry);
        if (count != null && count > 0) {
            counter.increment(count);
        }
    }

    private void co2e(String provider, String model, String kind, double kg) {
        Counter.builder("tandem.model.co2e")
                .baseUnit("kg")
                .description("Greenhouse-gas emissions of model calls, kg CO2e (upper bound of the estimate)")
                .tags("provider", provider, "model", model, "kind", kind)
                .register(registry)
                .increment(kg);
    }
}
