package org.tandem.platform.ai;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Which model provider drafts, and how it is called ({@code tandem.ai.*}).
 *
 * <p>With no provider given: Mistral AI (the sovereign default) when {@code MISTRAL_API_KEY} is
 * set, otherwise the offline drafter, so the app runs end to end with nothing configured.
 * {@code MISTRAL_API_KEY} is bound apart from {@code api-key} on purpose: it is only ever sent to
 * Mistral AI, never to an Ollama or OpenAI-compatible server someone else runs.
 *
 * @param hosting where the model runs, for the footprint: mistral | openai | on-premises (default
 *                from the provider: Mistral AI's data centres, or our own servers)
 */
@ConfigurationProperties("tandem.ai")
public record AiProperties(
        Provider provider,
        String baseUrl,
        String apiKey,
        String mistralApiKey,
        String model,
        Double temperature,
        Integer maxTokens,
        Duration timeout,
        String hosting) {

    public enum Provider {
        OFFLINE,
        MISTRAL,
        OLLAMA,
        OPENAI_COMPATIBLE;

        /** As stored with each model call: "offline", "mistral", "ollama", "openai-compatible". */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final String DEFAULT_MISTRAL_MODEL = "mistral-small-latest";
    public static final String DEFAULT_OLLAMA_MODEL = "llama3.1:8b";
    public static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";

    public AiProperties {
        if (provider == null) {
            provider = StringUtils.hasText(mistralApiKey) ? Provider.MISTRAL : Provider.OFFLINE;
        }
        if (!StringUtils.hasText(apiKey) && provider == Provider.MISTRAL) {
            apiKey = mistralApiKey;
        }
        if (!StringUtils.hasText(model)) {
            model = switch (provider) {
                case MISTRAL -> DEFAULT_MISTRAL_MODEL;
                case OLLAMA -> DEFAULT_OLLAMA_MODEL;
                case OFFLINE, OPENAI_COMPATIBLE -> null;
            };
        }
        if (!StringUtils.hasText(baseUrl)) {
            // Mistral: LangChain4j's default address of the public API
            baseUrl = provider == Provider.OLLAMA ? DEFAULT_OLLAMA_URL : null;
        }
        temperature = temperature == null ? 0.3 : temperature;
        maxTokens = maxTokens == null ? 1500 : maxTokens;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        if (!StringUtils.hasText(hosting)) {
            hosting = provider == Provider.MISTRAL ? "mistral" : "on-premises";
        }
    }

    /** Settings a provider cannot work without; checked at start-up rather than on the first case. */
    public void validate() {
        switch (provider) {
            case MISTRAL ->
                require(
                        StringUtils.hasText(apiKey),
                        "tandem.ai.provider=mistral needs an API key: set MISTRAL_API_KEY or tandem.ai.api-key");
            case OPENAI_COMPATIBLE -> {
                require(StringUtils.hasText(baseUrl), "tandem.ai.provider=openai-compatible needs tandem.ai.base-url");
                require(StringUtils.hasText(model), "tandem.ai.provider=openai-compatible needs tandem.ai.model");
            }
            case OLLAMA, OFFLINE -> {}
        }
        require(timeout.compareTo(Duration.ZERO) > 0, "tandem.ai.timeout must be positive");
        require(maxTokens > 0, "tandem.ai.max-tokens must be positive");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** The same provider with a use case's own model settings; null fields keep the configured values. */
    public AiProperties with(ModelSettings s) {
        return new AiProperties(
                provider,
                baseUrl,
                apiKey,
                mistralApiKey,
                s.model() != null ? s.model() : model,
                s.temperature() != null ? s.temperature() : temperature,
                s.maxTokens() != null ? s.maxTokens() : maxTokens,
                s.timeout() != null ? s.timeout() : timeout,
                hosting);
    }

    /** Never print the keys. */
    @Override
    public String toString() {
        return "AiProperties[provider=" + provider.key() + ", baseUrl=" + baseUrl + ", model=" + model
                + ", temperature=" + temperature + ", maxTokens=" + maxTokens + ", timeout=" + timeout
                + ", hosting=" + hosting + ", apiKey=" + (StringUtils.hasText(apiKey) ? "***" : "none") + "]";
    }
}
