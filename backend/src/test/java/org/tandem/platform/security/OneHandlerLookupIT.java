package org.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.tandem.support.TandemIntegrationTest;

/**
 * The security chain runs without Spring MVC's handler lookup in front of it, nothing looks a handler up outside the
 * dispatcher (the introspector traces every lookup it makes without its cache), and a request from another origin
 * still receives no CORS permission, over real HTTP.
 */
@TandemIntegrationTest
class OneHandlerLookupIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier(OneHandlerLookup.CHAIN)
    Filter securityChain;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theChainIsNotWrappedInTheHandlerLookup() {
        assertThat(securityChain).isInstanceOf(FilterChainProxy.class);
        assertThat(securityChain.getClass().getName()).doesNotContain("WebMvcSecurityConfiguration");
    }

    @Test
    void requestsAreServedWithoutAnyLookupOutsideTheDispatcher() throws Exception {
        Logger introspector = (Logger) LoggerFactory.getLogger(HandlerMappingIntrospector.class);
        Level level = introspector.getLevel();
        ListAppender<ILoggingEvent> lookups = new ListAppender<>();
        lookups.start();
        introspector.addAppender(lookups);
        introspector.setLevel(Level.TRACE);
        try {
            assertThat(send(request("/api/me", "alice").GET()).statusCode()).isEqualTo(200);
            assertThat(send(request("/api/tasks?size=5", "bob").GET()).statusCode())
                    .isEqualTo(200);
            assertThat(send(request("/api/cases/999999999", "alice").GET()).statusCode())
                    .isEqualTo(404);
            assertThat(send(request("/api/me", null).GET()).statusCode()).isEqualTo(401);
        } finally {
            introspector.detachAppender(lookups);
            introspector.setLevel(level);
        }
        assertThat(lookups.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("Cache miss"));
    }

    @Test
    void anotherOriginGetsNoCorsPermission() throws Exception {
        HttpResponse<String> simple = send(request("/api/me", "alice")
                .header("Origin", "https://elsewhere.example")
                .GET());
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> preflight = send(request("/api/cases", null)
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .isEmpty();
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
