package org.tandem.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.tandem.platform.ai.AiProperties.Provider;

class AiProviderPropertiesTest {

    private static AiProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("tandem.ai", AiProperties.class);
    }

    @Test
    void nothingConfiguredMeansTheOfflineDrafter() {
        AiProperties ai = bind(Map.of("tandem.ai.provider", "", "tandem.ai.mistral-api-key", ""));
        assertThat(ai.provider()).isEqualTo(Provider.OFFLINE);
        ai.validate();
    }

    @Test
    void aMistralKeyAloneMeansMistralTheSovereignDefault() {
        AiProperties ai = bind(Map.of("tandem.ai.mistral-api-key", "sk-mistral"));
        assertThat(ai.provider()).isEqualTo(Provider.MISTRAL);
        assertThat(ai.apiKey()).isEqualTo("sk-mistral");
        assertThat(ai.model()).isEqualTo("mistral-small-latest");
        assertThat(ai.hosting()).isEqualTo("mistral");
        ai.validate();
    }

    @Test
    void theMistralKeyIsNeverSentToAnotherServer() {
        AiProperties ai = bind(Map.of(
                "tandem.ai.provider",
                "openai-compatible",
                "tandem.ai.base-url",
                "http://vllm.internal:8000/v1",
                "tandem.ai.model",
                "llama-3.1-8b",
                "tandem.ai.mistral-api-key",
                "sk-mistral"));
        assertThat(ai.provider()).isEqualTo(Provider.OPENAI_COMPATIBLE);
        assertThat(ai.apiKey()).isNull();
        assertThat(ai.hosting()).isEqualTo("on-premises");
    }

    @Test
    void bindsEveryFieldWithRelaxedNames() {
        AiProperties ai = bind(Map.of(
                "tandem.ai.provider",
                "ollama",
                "tandem.ai.temperature",
                "0.1",
                "tandem.ai.max-tokens",
                "800",
                "tandem.ai.timeout",
                "45s"));
        assertThat(ai.provider()).isEqualTo(Provider.OLLAMA);
        assertThat(ai.baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(ai.model()).isEqualTo("llama3.1:8b");
        assertThat(ai.temperature()).isEqualTo(0.1);
        assertThat(ai.maxTokens()).isEqualTo(800);
        assertThat(ai.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(ai.provider().key()).isEqualTo("ollama");
        assertThat(Provider.OPENAI_COMPATIBLE.key()).isEqualTo("openai-compatible");
    }

    @Test
    void missingSettingsFailAtStartUpWithAClearMessage() {
        assertThatThrownBy(() -> bind(Map.of("tandem.ai.provider", "mistral")).validate())
                .hasMessageContaining("MISTRAL_API_KEY");
        assertThatThrownBy(() ->
                        bind(Map.of("tandem.ai.provider", "openai-compatible")).validate())
                .hasMessageContaining("base-url");
        assertThatThrownBy(() -> bind(Map.of(
                                "tandem.ai.provider", "openai-compatible", "tandem.ai.base-url", "http://x/v1"))
                        .validate())
                .hasMessageContaining("tandem.ai.model");
    }

    @Test
    void theKeyNeverAppearsInLogs() {
        AiProperties ai = bind(Map.of("tandem.ai.mistral-api-key", "sk-secret-123"));
        assertThat(ai.toString()).doesNotContain("sk-secret-123").contains("apiKey=***");
    }

    @Test
    void eachProviderGetsLangChain4jsOwnClient() {
        Duration t = Duration.ofSeconds(5);
        assertThat(ProviderChatModels.create(
                        new AiProperties(Provider.MISTRAL, null, "k", null, null, null, null, t, null)))
                .isInstanceOf(MistralAiChatModel.class);
        assertThat(ProviderChatModels.create(
                        new AiProperties(Provider.OLLAMA, null, null, null, null, null, null, t, null)))
                .isInstanceOf(OllamaChatModel.class);
        assertThat(ProviderChatModels.create(new AiProperties(
                        Provider.OPENAI_COMPATIBLE, "http://x/v1", null, null, "m", null, null, t, null)))
                .isInstanceOf(OpenAiChatModel.class);
        assertThatThrownBy(() -> ProviderChatModels.create(
                        new AiProperties(Provider.OFFLINE, null, null, null, null, null, null, t, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
