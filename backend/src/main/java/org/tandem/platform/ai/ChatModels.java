package org.tandem.platform.ai;

import dev.langchain4j.model.chat.ChatModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The chat model for a use case's settings: the application's one {@link ChatModel} when the use
 * case keeps the provider's settings (or no provider is configured), otherwise the provider's client
 * built once per distinct settings — LangChain4j fixes model, temperature, tokens and timeout per client.
 */
@Component
public class ChatModels {

    private final ChatModel configured;
    private final AiProperties ai;
    private final Map<ModelSettings, ChatModel> built = new ConcurrentHashMap<>();

    ChatModels(ChatModel configured, AiProperties ai) {
        this.configured = configured;
        this.ai = ai;
    }

    public ChatModel forSettings(ModelSettings settings) {
        if (settings == null || settings.isDefault() || ai.provider() == AiProperties.Provider.OFFLINE) {
            return configured;
        }
        return built.computeIfAbsent(settings, s -> ProviderChatModels.create(ai.with(s)));
    }

    /** The model name a call with these settings asks for, as configured (the answer may name it otherwise). */
    public String modelName(ModelSettings settings) {
        return settings != null && settings.model() != null ? settings.model() : ai.model();
    }
}
