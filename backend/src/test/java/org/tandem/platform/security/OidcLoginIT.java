package org.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.support.Browser;

/**
 * OIDC login by configuration, against a local provider: the token's groups become Tandem's roles, its
 * entity claim places the person, and the login page is told to offer the provider.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.worker.enabled=false",
            "camunda.bpm.job-execution.enabled=false",
            "tandem.bootstrap-admin.password=Admin-Secret-1"
        })
@ActiveProfiles("test")
class OidcLoginIT {

    static final FakeOidcProvider PROVIDER = new FakeOidcProvider();

    @DynamicPropertySource
    static void registration(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "provider.corporate.issuer-uri", PROVIDER::issuer);
        registry.add(prefix + "registration.corporate.client-id", () -> PROVIDER.clientId);
        registry.add(prefix + "registration.corporate.client-secret", () -> "secret");
        registry.add(prefix + "registration.corporate.scope", () -> "openid,profile");
        registry.add(prefix + "registration.corporate.client-name", () -> "l'annuaire du groupe");
        registry.add("tandem.oidc.group-mapping.Conseillers", () -> "advisers");
        registry.add("tandem.oidc.entity-claim", () -> "entity");
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.tandem.governance.entities.EntityDirectory entities;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Browser logIn(FakeOidcProvider.User user) {
        PROVIDER.user = user;
        Browser browser = new Browser(port, null);
        HttpResponse<String> start = browser.get("/oauth2/authorization/corporate");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(PROVIDER.issuer() + "/authorize").contains("nonce=");
        HttpResponse<String> back = browser.absolute(authorize);
        String callback = back.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> done = browser.absolute(callback);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/");
        return browser;
    }

    @Test
    void theTokensGroupsBecomeTheSameRolesAndGroupsAsAFormLogin() {
        Browser jeanne = logIn(new FakeOidcProvider.User(
                "jeanne",
                "Jeanne Dupont",
                List.of("Conseillers", "/tandem/member-relations-experts", "experts", "pas un groupe !")));
        HttpResponse<String> me = jeanne.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body())
                .contains(
                        "\"username\":\"jeanne\"",
                        "\"displayName\":\"Jeanne Dupont\"",
                        "ADVISER",
                        "EXPERT",
                        "member-relations-experts")
                .doesNotContain("pas un groupe");
        assertThat(jeanne.get("/api/cases").statusCode())
                .as("an adviser lists her cases")
                .isEqualTo(200);
        assertThat(jeanne.get("/api/footprint").statusCode()).isEqualTo(403);
    }

    @Test
    void noGroupInTheTokenMeansNoRole() {
        Browser paul = logIn(new FakeOidcProvider.User("paul", "Paul", List.of()));
        assertThat(paul.get("/api/me").body()).contains("\"username\":\"paul\"").contains("\"roles\":[]");
        assertThat(paul.get("/api/cases").statusCode()).isEqualTo(403);
        assertThat(paul.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
    }

    @Test
    void theEntityClaimPlacesThePersonAtEachLoginAndAnUnknownEntityChangesNothing() {
        entities.ensureEntity("oidc-agence-rennes", "Agence de Rennes");
        entities.ensureEntity("oidc-agence-vannes", "Agence de Vannes");
        try {
            logIn(new FakeOidcProvider.User("louise", "Louise", List.of("Conseillers"), "oidc-agence-rennes"));
            assertThat(entities.placementOf("louise")).hasValueSatisfying(p -> {
                assertThat(p.entityCode()).isEqualTo("oidc-agence-rennes");
                assertThat(p.source()).isEqualTo("OIDC");
            });
            // a Keycloak group path or a list: the first known entity, by its last segment
            logIn(new FakeOidcProvider.User(
                    "louise", "Louise", List.of("Conseillers"), List.of("/inconnue", "/entites/oidc-agence-vannes")));
            assertThat(entities.entityOf("louise")).contains("oidc-agence-vannes");
            Browser stillIn = logIn(
                    new FakeOidcProvider.User("louise", "Louise", List.of("Conseillers"), "agence-qui-n-existe-pas"));
            assertThat(stillIn.get("/api/me").body())
                    .as("the login goes through")
                    .contains("ADVISER");
            assertThat(entities.entityOf("louise")).as("placement unchanged").contains("oidc-agence-vannes");
            logIn(new FakeOidcProvider.User("louise", "Louise", List.of("Conseillers")));
            assertThat(entities.entityOf("louise")).as("no claim: unchanged").contains("oidc-agence-vannes");
        } finally {
            jdbc.sql("delete from user_entity where username = 'louise'").update();
        }
    }

    @Test
    void theLoginPageIsToldToOfferTheProviderBesideTheForm() {
        HttpResponse<String> options = new Browser(port, null).get("/api/public/login-options");
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.body())
                .isEqualTo("{\"formEnabled\":true,\"providers\":[{\"id\":\"corporate\",\"name\":\"l'annuaire du"
                        + " groupe\",\"loginUrl\":\"/oauth2/authorization/corporate\"}]}");
    }

    @Test
    void aFailedProviderLoginComesBackToTheLoginPage() {
        Browser browser = new Browser(port, null);
        HttpResponse<String> start = browser.get("/oauth2/authorization/corporate");
        String authorize = start.headers().firstValue("Location").orElseThrow();
        String state = authorize.replaceAll(".*[?&]state=([^&]*).*", "$1");
        HttpResponse<String> denied = browser.get("/login/oauth2/code/corporate?error=access_denied&state=" + state);
        assertThat(denied.statusCode()).isEqualTo(302);
        assertThat(denied.headers().firstValue("Location").orElseThrow()).endsWith("/#/login?sso=failed");
    }

    @Test
    void formLoginStillWorksBeside() {
        Browser admin = new Browser(port, "admin");
        assertThat(admin.login("Admin-Secret-1").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/me").body()).contains("ADMIN");
    }
}
