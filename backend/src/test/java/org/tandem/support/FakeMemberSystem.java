package org.tandem.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * A local HTTP server that speaks the member system's contract (docs/members.md): {@code GET
 * /members?q=&limit=} and {@code GET /members/{id}}, behind a bearer token. A test switches it to
 * misbehave: slow, 401, 403, 5xx, malformed JSON, a member missing its name.
 */
public final class FakeMemberSystem implements AutoCloseable {

    public static final String TOKEN = "jeton-de-test";

    /** How the next calls are answered. */
    public enum Mode {
        NORMAL,
        SLOW,
        UNAUTHORIZED,
        FORBIDDEN,
        SERVER_ERROR,
        MALFORMED_JSON,
        INCOMPLETE_MEMBER
    }

    /** A call as the server saw it. */
    public record Call(String path, String query, String authorization) {}

    private static FakeMemberSystem shared;

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Map<String, Object>> members = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile Mode mode = Mode.NORMAL;
    private volatile long slowMillis = 3_000;

    public FakeMemberSystem() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-member-system");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api/v1/members", this::handle);
        // for the browser scenario: POST /control/mode/SERVER_ERROR… switches how the next calls are answered
        server.createContext("/control/mode/", exchange -> {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring("/control/mode/".length());
                boolean known = java.util.Arrays.stream(Mode.values())
                        .anyMatch(m -> m.name().equals(name));
                if (known) {
                    mode(Mode.valueOf(name));
                }
                send(exchange, known ? 200 : 400, "{\"mode\":\"" + (known ? name : "") + "\"}");
            }
        });
        server.start();
    }

    /** One server for the whole test JVM (the Spring contexts that use it are cached). */
    public static synchronized FakeMemberSystem shared() {
        if (shared == null) {
            shared = new FakeMemberSystem();
        }
        return shared;
    }

    /** Where a test switches the server's mode: POST {control}/mode/{Mode}. */
    public URI controlUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/control");
    }

    /** The contract's root, as tandem.members.http.base-url takes it. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
    }

    public FakeMemberSystem mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    public FakeMemberSystem slowMillis(long millis) {
        this.slowMillis = millis;
        return this;
    }

    public FakeMemberSystem add(String id, String firstName, String lastName, String city, String birthDate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("firstName", firstName);
        m.put("lastName", lastName);
        m.put("birthDate", birthDate);
        m.put("email", firstName.toLowerCase(Locale.ROOT) + "." + lastName.toLowerCase(Locale.ROOT) + "@example.org");
        m.put("phone", "05 49 00 00 00");
        m.put("address", "1 rue du Test");
        m.put("city", city);
        m.put("policyNumber", "HAB-" + id);
        members.put(id, m);
        return this;
    }

    public FakeMemberSystem rename(String id, String lastName) {
        members.get(id).put("lastName", lastName);
        return this;
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public void clearCalls() {
        calls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            calls.add(new Call(path, query, authorization));
            Mode now = mode;
            if (now == Mode.SLOW) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (now == Mode.UNAUTHORIZED || !("Bearer " + TOKEN).equals(authorization)) {
                send(exchange, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            if (now == Mode.FORBIDDEN) {
                send(exchange, 403, "{\"error\":\"forbidden\"}");
                return;
            }
            if (now == Mode.SERVER_ERROR) {
                send(exchange, 503, "<html>Service Unavailable</html>");
                return;
            }
            if (now == Mode.MALFORMED_JSON) {
                send(exchange, 200, "{\"members\": [{\"id\": \"M-1\", \"firstName\": ");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{}");
                return;
            }
            String rest = path.substring("/api/v1/members".length());
            if (rest.isEmpty() || rest.equals("/")) {
                search(exchange, query, now);
            } else {
                String id = URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8);
                Map<String, Object> member = members.get(id);
                if (member == null) {
                    send(exchange, 404, "{\"error\":\"not found\"}");
                } else {
                    send(exchange, 200, json.writeValueAsString(shaped(member, now)));
                }
            }
        }
    }

    private void search(HttpExchange exchange, String query, Mode now) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String q = params.getOrDefault("q", "").toLowerCase(Locale.ROOT);
        int limit = Integer.parseInt(params.getOrDefault("limit", "20"));
        List<Map<String, Object>> found = members.values().stream()
                .filter(m -> (m.get("firstName") + " " + m.get("lastName"))
                                .toLowerCase(Locale.ROOT)
                                .contains(q)
                        || ((String) m.get("id")).toLowerCase(Locale.ROOT).contains(q))
                .sorted((a, b) -> ((String) a.get("lastName")).compareTo((String) b.get("lastName")))
                .limit(limit)
                .map(m -> shaped(m, now))
                .toList();
        send(exchange, 200, json.writeValueAsString(Map.of("members", found)));
    }

    private static Map<String, Object> shaped(Map<String, Object> member, Mode now) {
        if (now != Mode.INCOMPLETE_MEMBER) {
            return member;
        }
        Map<String, Object> copy = new LinkedHashMap<>(member);
        copy.remove("lastName");
        return copy;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Points a Spring test context's member directory at the shared fake member system. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
                    context,
                    "tandem.members.directory=http",
                    "tandem.members.http.base-url=" + shared().baseUrl(),
                    "tandem.members.http.token=" + TOKEN,
                    "tandem.members.http.timeout=1500ms");
        }
    }
}
