package org.tandem.content.drafting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-process worker that serves the AI step. The lock must outlast the model's timeout, or a
 * slow call would be handed to a second worker. {@code name} starts the worker id recorded in the
 * engine's history (default: the host name), so an operator sees which node drafted what.
 */
@ConfigurationProperties("tandem.worker")
public record WorkerProperties(
        boolean enabled,
        Duration pollInterval,
        int maxConcurrency,
        Duration lockDuration,
        int retries,
        Duration retryBackoff,
        String name) {}
