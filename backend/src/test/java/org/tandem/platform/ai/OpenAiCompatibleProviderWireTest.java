package org.tandem.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.platform.ai.MistralProviderWireTest.quote;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible server (here shaped like vLLM serving a Mistral model, as a public-sector
 * endpoint would): POST {base}/chat/completions, bearer key, OpenAI's error envelope.
 */
class OpenAiCompatibleProviderWireTest extends ProviderWireContract {

    @Override
    AiProperties.Provider provider() {
        return AiProperties.Provider.OPENAI_COMPATIBLE;
    }

    @Override
    String baseUrl() {
        return server.url("/v1");
    }

    @Override
    String configuredModel() {
        return "mistralai/Mistral-Small-3.1-24B-Instruct-2503";
    }

    @Override
    String answeredModel() {
        return "mistralai/Mistral-Small-3.1-24B-Instruct-2503";
    }

    @Override
    String expectedPath() {
        return "/v1/chat/completions";
    }

    @Override
    String successBody(String model, String text, int inputTokens, int outputTokens) {
        return """
                {"id":"chatcmpl-8b1f0c7e2d6a4f0e9a3b","object":"chat.completion","created":1763800000,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","reasoning_content":null,"content":%s,
                             "tool_calls":[]},"logprobs":null,"finish_reason":"stop","stop_reason":null}],
                 "usage":{"prompt_tokens":%d,"total_tokens":%d,"completion_tokens":%d,"prompt_tokens_details":null},
                 "prompt_logprobs":null,"kv_transfer_params":null}
                """.formatted(model, quote(text), inputTokens, inputTokens + outputTokens, outputTokens);
    }

    @Override
    String errorBody(int status, String message) {
        return """
                {"error":{"message":"%s","type":"invalid_request_error","param":null,"code":"%d"}}
                """.formatted(message, status);
    }

    @Override
    void assertProviderFields(FakeProviderServer.Recorded request, JsonNode body) {
        assertThat(request.header("Authorization")).isEqualTo("Bearer test-key");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(400);
    }
}
