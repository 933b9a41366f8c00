package org.tandem.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.platform.ai.AiFailure.Kind;

/**
 * What every provider must do through LangChain4j's real client, against a local server that
 * speaks the provider's wire format: send the expected request, read text, model and tokens, and
 * turn every failure into an {@link AiFailure} — as a RuntimeException, which the worker catches.
 */
abstract class ProviderWireContract {

    static final String SYSTEM = "Tu es un rédacteur de la mutuelle. Ton courtois, phrases courtes.";
    static final String USER = "Cas d'usage : reply-letter\nObjet : Retard de remboursement\n"
            + "<message_societaire>\nJ'attends mon remboursement depuis trois semaines.\n</message_societaire>\n";
    static final String DRAFT = "Madame, Monsieur,\nNous avons bien reçu votre message concernant votre remboursement.";

    final ObjectMapper json = new ObjectMapper();
    FakeProviderServer server;

    abstract AiProperties.Provider provider();

    abstract String baseUrl();

    abstract String configuredModel();

    /** The provider's success body for this text, model and token counts. */
    abstract String successBody(String model, String text, int inputTokens, int outputTokens);

    /** The provider's error body for this status. */
    abstract String errorBody(int status, String message);

    abstract String expectedPath();

    /** The provider-specific fields: auth header, where temperature and max tokens go. */
    abstract void assertProviderFields(FakeProviderServer.Recorded request, JsonNode body);

    @BeforeEach
    void startServer() {
        server = FakeProviderServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    ChatModel model(Duration timeout) {
        return ProviderChatModels.create(
                new AiProperties(provider(), baseUrl(), "test-key", null, configuredModel(), 0.2, 400, timeout, null));
    }

    static ChatRequest request() {
        return ChatRequest.builder()
                .messages(SystemMessage.from(SYSTEM), UserMessage.from(USER))
                .build();
    }

    @Test
    void sendsTheWireFormatAndReadsTextModelAndTokenUsage() throws IOException {
        String answeredModel = answeredModel();
        server.respond(200, successBody(answeredModel, DRAFT, 86, 142));

        ChatResponse response = model(Duration.ofSeconds(5)).chat(request());

        FakeProviderServer.Recorded sent = server.onlyRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo(expectedPath());
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(sent.body());
        assertThat(body.get("model").asText()).isEqualTo(configuredModel());
        assertThat(body.get("messages")).hasSize(2);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(text(body.at("/messages/0/content"))).isEqualTo(SYSTEM);
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(text(body.at("/messages/1/content"))).isEqualTo(USER);
        assertThat(body.path("stream").asBoolean(false)).as("no streaming").isFalse();
        assertProviderFields(sent, body);

        assertThat(response.aiMessage().text()).isEqualTo(DRAFT);
        assertThat(response.modelName()).isEqualTo(answeredModel);
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(86);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(142);
    }

    /**
     * A message's text: a string (OpenAI, Ollama) or, as LangChain4j sends to Mistral, an array of
     * {"type": "text", "text": …} chunks (both are valid in Mistral's API).
     */
    static String text(JsonNode content) {
        if (!content.isArray()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(chunk -> {
            assertThat(chunk.get("type").asText()).isEqualTo("text");
            text.append(chunk.get("text").asText());
        });
        return text.toString();
    }

    /** The name the provider answers with (may differ from the configured alias). */
    abstract String answeredModel();

    @Test
    void aRateLimitCarriesTheServersRetryAfter() {
        server.respond(429, errorBody(429, "Rate limit exceeded"), Map.of("Retry-After", "20"));

        AiFailure failure = failureOf(model(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(failure.reasonFr()).isEqualTo("le fournisseur d'IA est saturé (429), nouvel essai dans 20 s");
        assertThat(failure.retryable()).isTrue();
        server.onlyRequest();
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsTheDefault() {
        server.respond(429, errorBody(429, "Rate limit exceeded"));

        AiFailure failure = failureOf(model(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(AiFailures.DEFAULT_RATE_LIMIT_DELAY);
        assertThat(failure.reasonFr()).contains("nouvel essai dans 30 s");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503})
    void serverErrorsMeanUnavailable(int status) {
        server.respond(status, errorBody(status, "Service unavailable"));

        AiFailure failure = failureOf(model(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.reasonFr()).contains("indisponible").contains(String.valueOf(status));
        assertThat(failure.retryable()).isTrue();
        server.onlyRequest();
    }

    @Test
    void a503KeepsItsRetryAfter() {
        server.respond(503, errorBody(503, "Overloaded"), Map.of("Retry-After", "5"));

        AiFailure failure = failureOf(model(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(failure.reasonFr()).endsWith("nouvel essai dans 5 s");
    }

    @Test
    void aHangingServerTimesOutAtTheConfiguredTimeout() {
        server.hang();
        long start = System.nanoTime();

        AiFailure failure = failureOf(model(Duration.ofMillis(400)));

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.reasonFr()).contains("délai");
        assertThat(elapsedMs).as("gave up at the timeout, not later").isBetween(300L, 5_000L);
    }

    @Test
    void malformedJsonIsAMalformedResponse() {
        server.respond(200, "{\"id\": \"x\", \"choices\": [ {\"message\": ");

        AiFailure failure = failureOf(model(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.reasonFr()).contains("illisible");
    }

    @Test
    void anHtmlPageInsteadOfJsonIsAMalformedResponse() {
        // what a proxy in front of the provider answers
        server.respond(200, "<html><body>Bad gateway</body></html>");

        assertThat(failureOf(model(Duration.ofSeconds(5))).kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @ParameterizedTest(name = "200 {0}")
    @ValueSource(strings = {"{}", "{\"choices\": []}", "{\"error\": \"model is loading\"}"})
    void jsonWithoutTheExpectedFieldsIsAMalformedResponse(String body) {
        server.respond(200, body);

        AiFailure failure = failureOf(model(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.reasonFr()).contains("incomplète");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403})
    void aRefusedKeyIsAnAuthFailureNotRetried(int status) {
        server.respond(status, errorBody(status, "Unauthorized"));

        AiFailure failure = failureOf(model(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.reasonFr()).contains("clé d'accès").contains(String.valueOf(status));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 404, 422})
    void otherClientErrorsAreInvalidRequestsNotRetried(int status) {
        server.respond(status, errorBody(status, "Invalid model"));

        AiFailure failure = failureOf(model(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.reasonFr()).contains(String.valueOf(status));
    }

    @Test
    void anUnreachableServerIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ChatModel model = ProviderChatModels.create(new AiProperties(
                provider(),
                baseUrl().replace(":" + portOf(baseUrl()), ":" + closedPort),
                "test-key",
                null,
                configuredModel(),
                0.2,
                400,
                Duration.ofSeconds(2),
                null));

        AiFailure failure = failureOf(model);

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.reasonFr()).contains("injoignable");
    }

    private static String portOf(String url) {
        return url.replaceAll("^http://127\\.0\\.0\\.1:(\\d+).*$", "$1");
    }

    /** Calls the model as the worker does: whatever fails is a RuntimeException, then classified. */
    AiFailure failureOf(ChatModel model) {
        Throwable thrown = catchThrowable(() -> model.chat(request()));
        assertThat(thrown).as("the call failed").isNotNull().isInstanceOf(RuntimeException.class);
        return AiFailures.classify(thrown);
    }
}
