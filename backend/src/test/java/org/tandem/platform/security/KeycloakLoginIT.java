package org.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.governance.entities.EntityDirectory;
import org.tandem.support.Browser;

/**
 * Single sign-on against a real Keycloak 26 (its distribution from Maven, started on this machine by
 * {@link KeycloakServer}), with the form login switched off: the login page is told to offer « Se
 * connecter avec Keycloak » and nothing else, a password posted to the form is refused, and the real
 * flow — Tandem → Keycloak's login page → its form → back to Tandem with a code → session — gives the
 * role of the Keycloak group renamed to advisers and places the person from the token's entity claim.
 * {@link OidcLoginIT} runs the same login against a local provider in a second. Skipped, saying why,
 * only when the build did not unpack Keycloak (-Dkeycloak.skip) or no Java 21+ is on the machine.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.worker.enabled=false",
            "camunda.bpm.job-execution.enabled=false",
            "tandem.bootstrap-admin.password=Admin-Secret-1",
            "tandem.login.form-enabled=false"
        })
@ActiveProfiles("test")
class KeycloakLoginIT {

    static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() throws Exception {
        Optional<java.nio.file.Path> script = KeycloakServer.script();
        Assumptions.assumeTrue(
                script.isPresent(),
                "Keycloak absent: no distribution under " + KeycloakServer.HOME.toAbsolutePath()
                        + " (the build unpacks org.keycloak:keycloak-quarkus-dist there unless -Dkeycloak.skip=true)");
        Optional<java.nio.file.Path> java = KeycloakServer.javaHome();
        Assumptions.assumeTrue(
                java.isPresent(), "Keycloak absent: it needs a Java 21 or later (set KEYCLOAK_JAVA_HOME), none found");
        keycloak = KeycloakServer.start(
                script.orElseThrow(), java.orElseThrow(), "/keycloak/insurer-realm.json", Duration.ofMinutes(6));
        System.out.printf(
                "Keycloak started in %.1f s (Java %s)%n", keycloak.startTime().toMillis() / 1000.0, java.orElseThrow());
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @DynamicPropertySource
    static void registration(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "provider.corporate.issuer-uri", () -> keycloak.issuer());
        registry.add(prefix + "registration.corporate.client-id", () -> "tandem");
        registry.add(prefix + "registration.corporate.client-secret", () -> "tandem-test-secret");
        registry.add(prefix + "registration.corporate.client-name", () -> "Keycloak");
        registry.add(prefix + "registration.corporate.scope", () -> "openid,profile");
        // the realm's group « Conseillers » is Tandem's advisers
        registry.add("tandem.oidc.group-mapping.Conseillers", () -> "advisers");
        registry.add("tandem.oidc.entity-claim", () -> "entity");
    }

    @LocalServerPort
    int port;

    @Autowired
    EntityDirectory entities;

    @Test
    void theLoginPageOffersKeycloakOnlyAndTheFormIsRefused() {
        Browser anonymous = new Browser(port, null);
        HttpResponse<String> options = anonymous.get("/api/public/login-options");
        assertThat(options.body())
                .isEqualTo("{\"formEnabled\":false,\"providers\":[{\"id\":\"corporate\",\"name\":\"Keycloak\","
                        + "\"loginUrl\":\"/oauth2/authorization/corporate\"}]}");
        Browser admin = new Browser(port, "admin");
        HttpResponse<String> refused = admin.login("Admin-Secret-1");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("La connexion par identifiant et mot de passe est désactivée : utilisez le bouton « Se"
                        + " connecter avec … » de la page de connexion.");
        assertThat(admin.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aKeycloakGroupRenamedToAdvisersGivesTheAdviserRoleThroughTheRealFlow() {
        entities.ensureEntity("kc-agence-brest", "Agence de Brest");
        Browser lea = new Browser(port, null);
        HttpResponse<String> start = lea.get("/oauth2/authorization/corporate");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth");

        HttpResponse<String> loginPage = lea.absolute(authorize);
        assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
        String action = formAction(loginPage.body());

        // a wrong password stays on Keycloak's page
        HttpResponse<String> wrong = lea.absolutePostForm(action, "username=lea&password=faux");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("kc-form-login");

        HttpResponse<String> signedIn = lea.absolutePostForm(
                formAction(wrong.body()),
                "username=lea&password=" + URLEncoder.encode("Lea-Secret-1", StandardCharsets.UTF_8));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String callback = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith("http://localhost:" + port + "/login/oauth2/code/corporate?");

        HttpResponse<String> back = lea.absolute(callback);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/");
        HttpResponse<String> me = lea.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body())
                .contains("\"username\":\"lea\"", "\"displayName\":\"Léa Martin\"", "\"roles\":[\"ADVISER\"]")
                .contains("\"groups\":[\"advisers\"]");
        assertThat(lea.get("/api/cases").statusCode()).as("an adviser's screen").isEqualTo(200);
        assertThat(lea.get("/api/footprint").statusCode()).isEqualTo(403);
        assertThat(entities.placementOf("lea")).hasValueSatisfying(p -> {
            assertThat(p.entityCode()).isEqualTo("kc-agence-brest");
            assertThat(p.source()).isEqualTo("OIDC");
        });
    }

    /** The action of Keycloak's login form, its HTML entities decoded. */
    private static String formAction(String html) {
        Matcher m = Pattern.compile(
                        "<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                .matcher(html);
        assertThat(m.find()).as("Keycloak's login form in:\n" + html).isTrue();
        String action = m.group(1) != null ? m.group(1) : m.group(2);
        return action.replace("&amp;", "&");
    }
}
