package org.tandem.platform.ai;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * LangChain4j's own clients for each provider, configured the same way: no retries (the draft
 * worker owns retries, with the engine's backoff and the case's record of attempts), the configured
 * timeout, and no request or response logging (prompts carry members' data).
 */
public final class ProviderChatModels {

    private ProviderChatModels() {}

    public static ChatModel create(AiProperties ai) {
        return switch (ai.provider()) {
            case MISTRAL -> mistral(ai);
            case OLLAMA -> ollama(ai);
            case OPENAI_COMPATIBLE -> openAiCompatible(ai);
            case OFFLINE -> throw new IllegalArgumentException("The offline drafter is not a provider model");
        };
    }

    static ChatModel mistral(AiProperties ai) {
        return MistralAiChatModel.builder()
                .httpClientBuilder(StatusAwareHttpClient.langChain4jBuilder())
                .baseUrl(ai.baseUrl())
                .apiKey(ai.apiKey())
                .modelName(ai.model())
                .temperature(ai.temperature())
                .maxTokens(ai.maxTokens())
                .timeout(ai.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    static ChatModel ollama(AiProperties ai) {
        return OllamaChatModel.builder()
                .httpClientBuilder(StatusAwareHttpClient.langChain4jBuilder())
                .baseUrl(ai.baseUrl())
                .modelName(ai.model())
                .temperature(ai.temperature())
                .numPredict(ai.maxTokens())
                .timeout(ai.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    static ChatModel openAiCompatible(AiProperties ai) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(StatusAwareHttpClient.langChain4jBuilder())
                .baseUrl(ai.baseUrl())
                // some self-hosted servers need no key; the client still requires a value
                .apiKey(ai.apiKey() == null || ai.apiKey().isBlank() ? "none" : ai.apiKey())
                .modelName(ai.model())
                .temperature(ai.temperature())
                // max_tokens, not max_completion_tokens: the field vLLM and most compatible servers read
                .maxTokens(ai.maxTokens())
                .timeout(ai.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }
}
