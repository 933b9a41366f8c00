package org.tandem.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.platform.ai.MistralProviderWireTest.quote;

import com.fasterxml.jackson.databind.JsonNode;

/** Ollama's native API: POST {base}/api/chat, no key, options.temperature and options.num_predict. */
class OllamaProviderWireTest extends ProviderWireContract {

    @Override
    AiProperties.Provider provider() {
        return AiProperties.Provider.OLLAMA;
    }

    @Override
    String baseUrl() {
        return server.url("");
    }

    @Override
    String configuredModel() {
        return "llama3.1:8b";
    }

    @Override
    String answeredModel() {
        return "llama3.1:8b";
    }

    @Override
    String expectedPath() {
        return "/api/chat";
    }

    @Override
    String successBody(String model, String text, int inputTokens, int outputTokens) {
        return """
                {"model":"%s","created_at":"2026-11-22T10:15:02.123456789Z",
                 "message":{"role":"assistant","content":%s},
                 "done_reason":"stop","done":true,"total_duration":4883583458,"load_duration":1334875,
                 "prompt_eval_count":%d,"prompt_eval_duration":342546000,"eval_count":%d,"eval_duration":4535599000}
                """.formatted(model, quote(text), inputTokens, outputTokens);
    }

    @Override
    String errorBody(int status, String message) {
        return "{\"error\":\"" + message + "\"}";
    }

    @Override
    void assertProviderFields(FakeProviderServer.Recorded request, JsonNode body) {
        assertThat(request.header("Authorization")).as("Ollama takes no key").isNull();
        assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.at("/options/num_predict").asInt()).isEqualTo(400);
        assertThat(body.get("stream").asBoolean(true))
                .as("Ollama streams unless told not to")
                .isFalse();
    }
}
