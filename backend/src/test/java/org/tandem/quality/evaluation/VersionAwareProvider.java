package org.tandem.quality.evaluation;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider on 127.0.0.1 speaking OpenAI's chat-completions format whose answer depends on the pre-prompt,
 * as a model's does: a pre-prompt asking for three sentences at most gets a short letter citing its first source, any
 * other a longer one with padding. Tokens are counted from the texts (4 characters a token) and the longer
 * answer takes longer, so cost, energy and latency differ between versions too.
 */
final class VersionAwareProvider implements AutoCloseable {

    static final String CONCISE = "trois phrases au plus";
    private static final Pattern SUBJECT = Pattern.compile("Objet : (.*)");

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();

    VersionAwareProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The letter the concise version writes for {@code subject}; people approve it with a line of their own. */
    static String concise(String subject, boolean withSource) {
        return "Madame, Monsieur,\n\nNous avons bien reçu votre message au sujet de « " + subject + " ». Notre équipe "
                + "étudie votre demande et vous répondra sous cinq jours ouvrés. Vous pouvez suivre son avancement depuis "
                + "votre espace sociétaire."
                + (withSource ? " Les règles applicables sont rappelées dans nos conditions [S1]." : "")
                + "\n\nNous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.\n\nVotre conseiller";
    }

    static String verbose(String subject) {
        return "Madame, Monsieur,\n\nNous accusons bonne réception de votre courrier relatif à « " + subject + " » et "
                + "nous tenons tout d'abord à vous remercier de la confiance que vous accordez à notre mutuelle depuis "
                + "de nombreuses années. Soyez assuré que votre demande retient toute notre attention et qu'elle sera "
                + "traitée avec le plus grand soin par nos services, dans les meilleurs délais possibles, conformément "
                + "à nos engagements de qualité envers nos sociétaires.\n\nNous restons naturellement à votre entière "
                + "disposition pour tout renseignement complémentaire, par téléphone, par courrier ou depuis votre "
                + "espace sociétaire.\n\nNous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations "
                + "les plus cordiales et les plus distinguées.\n\nVotre conseiller";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
            String system = "";
            String user = "";
            for (JsonNode message : request.path("messages")) {
                if (message.path("role").asText().equals("system")) {
                    system = message.path("content").asText();
                } else if (message.path("role").asText().equals("user")) {
                    user = message.path("content").asText();
                }
            }
            Matcher m = SUBJECT.matcher(user);
            String subject = m.find() ? m.group(1).strip() : "votre demande";
            boolean brief = system.contains(CONCISE);
            String answer = brief ? concise(subject, user.contains("<source id=\"S1\">")) : verbose(subject);
            try {
                Thread.sleep(brief ? 40 : 90);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ObjectNode response = json.createObjectNode();
            response.put("id", "chatcmpl-versions")
                    .put("object", "chat.completion")
                    .put("created", 1764800000)
                    .put("model", request.path("model").asText());
            ObjectNode choice = response.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", answer);
            int in = (system.length() + user.length()) / 4;
            int out = answer.length() / 4;
            response.putObject("usage")
                    .put("prompt_tokens", in)
                    .put("completion_tokens", out)
                    .put("total_tokens", in + out);
            byte[] bytes = json.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
