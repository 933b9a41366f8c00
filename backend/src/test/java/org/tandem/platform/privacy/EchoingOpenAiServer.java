package org.tandem.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A provider on 127.0.0.1 speaking OpenAI's chat-completions format: it records every request body
 * exactly as it left the client, and answers with the last user message passed through a function
 * (a model echoing the tokens, with the small variations models make).
 */
public final class EchoingOpenAiServer implements AutoCloseable {

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile UnaryOperator<String> answer = UnaryOperator.identity();

    public EchoingOpenAiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void answerWith(UnaryOperator<String> fromLastUserMessage) {
        answer = fromLastUserMessage;
    }

    /** Every body received, in order, byte for byte as UTF-8. */
    public List<String> bodies() {
        return bodies;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            JsonNode request = json.readTree(body);
            String user = "";
            for (JsonNode message : request.path("messages")) {
                if (message.path("role").asText().equals("user")) {
                    user = message.path("content").asText();
                }
            }
            ObjectNode response = json.createObjectNode();
            response.put("id", "chatcmpl-echo")
                    .put("object", "chat.completion")
                    .put("created", 1763800000)
                    .put("model", request.path("model").asText());
            ObjectNode choice = response.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", answer.apply(user));
            response.putObject("usage")
                    .put("prompt_tokens", 100)
                    .put("completion_tokens", 100)
                    .put("total_tokens", 200);
            byte[] bytes = json.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
