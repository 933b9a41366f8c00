package org.tandem.platform.ai;

import java.time.Duration;

/** A use case's own settings for a model call; a null field keeps the provider's configured value. */
public record ModelSettings(String model, Double temperature, Integer maxTokens, Duration timeout) {

    public static ModelSettings defaults() {
        return new ModelSettings(null, null, null, null);
    }

    public boolean isDefault() {
        return model == null && temperature == null && maxTokens == null && timeout == null;
    }
}
