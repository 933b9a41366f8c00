package org.tandem.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Mistral AI's chat completions API: POST {base}/chat/completions, bearer key. */
class MistralProviderWireTest extends ProviderWireContract {

    @Override
    AiProperties.Provider provider() {
        return AiProperties.Provider.MISTRAL;
    }

    @Override
    String baseUrl() {
        return server.url("/v1");
    }

    @Override
    String configuredModel() {
        return "mistral-small-latest";
    }

    @Override
    String answeredModel() {
        return "mistral-small-2506";
    }

    @Override
    String expectedPath() {
        return "/v1/chat/completions";
    }

    @Override
    String successBody(String model, String text, int inputTokens, int outputTokens) {
        return """
                {"id":"cmpl-e5cc70bb28c444948073e77776eb30ef","object":"chat.completion","created":1763800000,
                 "model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"tool_calls":null,"prefix":false},
                             "finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(model, quote(text), inputTokens, outputTokens, inputTokens + outputTokens);
    }

    @Override
    String errorBody(int status, String message) {
        return """
                {"object":"error","message":"%s","type":"invalid_request_error","param":null,"code":"%d"}
                """.formatted(message, status);
    }

    @Override
    void assertProviderFields(FakeProviderServer.Recorded request, JsonNode body) {
        assertThat(request.header("Authorization")).isEqualTo("Bearer test-key");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(400);
    }

    static String quote(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
