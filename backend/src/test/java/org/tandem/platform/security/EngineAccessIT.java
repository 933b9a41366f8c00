package org.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.TandemIntegrationTest;

/** The engine's REST API and webapps are never open to anonymous callers, over real HTTP. */
@TandemIntegrationTest
class EngineAccessIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    /**
     * The webapps find the engine through static registries (Cockpit's runtime delegate, the
     * ProcessEngines map keyed by name "default") that any other Spring context of this test JVM
     * overwrites or clears when it starts or closes; in production there is one application per
     * JVM. Point them back at this context's engine.
     */
    @org.junit.jupiter.api.BeforeEach
    void webappRegistriesOfThisContext() {
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
        if (org.camunda.bpm.cockpit.Cockpit.getRuntimeDelegate() == null) {
            org.camunda.bpm.cockpit.Cockpit.setCockpitRuntimeDelegate(
                    new org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate());
        }
        if (org.camunda.bpm.admin.Admin.getRuntimeDelegate() == null) {
            org.camunda.bpm.admin.Admin.setAdminRuntimeDelegate(
                    new org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate());
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void engineRestNeedsAnAdministratorOrAServiceAccount() throws Exception {
        assertThat(get("/engine-rest/engine", null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task", "alice").statusCode()).isEqualTo(403);
        assertThat(get("/engine-rest/task", "bob").statusCode()).isEqualTo(403);
        assertThat(get("/engine-rest/task", "bob-wrong-password").statusCode()).isEqualTo(401);
        HttpResponse<String> admin = get("/engine-rest/process-definition?key=content", "admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"key\":\"content\"");
    }

    /** A browser session: the SPA's login (form POST with the CSRF cookie echoed in a header). */
    private HttpClient loggedIn(String user) throws Exception {
        var cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst()
                .orElseThrow()
                .getValue();
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", xsrf)
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("\"username\":\"" + user + "\"");
        return browser;
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void webappsNeedAnAdministrator() throws Exception {
        String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
        HttpResponse<String> anonymous = get("/camunda/app/cockpit/default/", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(get(loggedIn("bob"), cockpit).statusCode()).isEqualTo(403);
        HttpClient admin = loggedIn("admin");
        assertThat(get(admin, cockpit).statusCode()).isEqualTo(200);
        // the webapp's own API sees the admin that Spring Security authenticated: one login
        HttpResponse<String> user = get(admin, "http://localhost:" + port + "/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"admin\"");
    }

    @Test
    // not a real user: Camunda delays the next login of a user after a wrong password (a few
    // seconds), which would fail the other tests of the shared context that log in as that user
    void aWrongPasswordIsRefusedInFrench() throws Exception {
        var cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst()
                .orElseThrow()
                .getValue();
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", xsrf)
                        .POST(HttpRequest.BodyPublishers.ofString("username=nobody-here&password=nope"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.body()).contains("Identifiant ou mot de passe incorrect.");
        HttpResponse<String> noToken = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=bob&password=bob"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).as("CSRF protection").isEqualTo(403);
    }

    @Test
    void theReactAppIsServedAtTheRootWithSecurityHeaders() throws Exception {
        HttpResponse<String> root = get("/", null);
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("<div id=\"root\">");
        assertThat(root.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");
        assertThat(get("/tasks", null).body()).contains("<div id=\"root\">");
        assertThat(get("/api/nothing-here", "alice").statusCode()).isEqualTo(404);
    }
}
