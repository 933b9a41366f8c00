package org.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.Browser;
import org.tandem.support.TandemIntegrationTest;

/** Passwords hashed, a new session at login, CSRF, a cluster-wide limit on failed logins, security headers. */
@TandemIntegrationTest
class LoginHardeningIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordsAreStoredSaltedAndHashed() {
        var row = jdbc.sql("select pwd_, salt_ from act_id_user where id_ = 'alice'")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        assertThat(row[0]).doesNotContain("alice").startsWith("{SHA-512}");
        assertThat(row[1]).isNotBlank();
    }

    @Test
    void theSessionIdChangesAtLogin() {
        Browser browser = new Browser(port, "marc");
        // an anonymous visit to a protected page opens a session (the request is saved for after the login)
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(302);
        // Spring Session JDBC names its cookie SESSION (sessions are shared by the nodes)
        String before = browser.cookie("SESSION");
        assertThat(before).isNotNull();
        HttpResponse<String> login = browser.login("marc");
        assertThat(login.statusCode()).isEqualTo(200);
        String after = browser.cookie("SESSION");
        assertThat(after).isNotNull().isNotEqualTo(before);
        // the cookie as configured (the session filter is Tandem's, over Spring Boot's cookie settings)
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax"));
        // the next requests are marc's, through the same session
        assertThat(browser.get("/api/me").body()).contains("marc");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(browser.cookie("SESSION")).isEqualTo(after);
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() {
        Browser browser = new Browser(port, "marc");
        HttpResponse<String> login =
                browser.send("POST", "/login", "application/x-www-form-urlencoded", "username=marc&password=marc");
        assertThat(login.statusCode()).isEqualTo(403);
    }

    @Test
    void repeatedFailuresLockTheUserNameEvenWithTheRightPasswordThenTellWhenToRetry() {
        String name = "victim" + System.nanoTime();
        var user = identityService.newUser(name);
        user.setPassword("Bon-mot-de-passe-1");
        identityService.saveUser(user);
        Browser browser = new Browser(port, name);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login("mauvais" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = browser.login("Bon-mot-de-passe-1");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Trop de tentatives de connexion échouées : réessayez dans");
        long retryAfter =
                Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        // HTTP Basic goes through the same limit
        assertThat(new Browser(port, name).withBasic().get("/api/me").statusCode())
                .isEqualTo(429);
        // the failures are in the shared database: every node sees them
        assertThat(jdbc.sql("select count(*) from login_failure where kind = 'USER' and subject = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressOnly() {
        String address = "203.0.113." + (System.nanoTime() % 200);
        for (int i = 0; i < 50; i++) {
            assertThat(throttle.blocked("someone" + i, address)).isEmpty();
            throttle.failed("guess" + System.nanoTime() + "-" + i, address);
        }
        assertThat(throttle.blocked("anyone-else", address)).isPresent();
        assertThat(throttle.blocked("anyone-else", "198.51.100.1")).isEmpty();
    }

    @Test
    void securityHeadersAndAContentSecurityPolicyThatBlocksInlineScript() {
        HttpResponse<String> root = new Browser(port, null).get("/");
        var headers = root.headers();
        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        String scriptSrc = Arrays.stream(csp.split(";"))
                .map(String::strip)
                .filter(d -> d.startsWith("script-src "))
                .findFirst()
                .orElseThrow();
        assertThat(scriptSrc).isEqualTo("script-src 'self'");
        assertThat(csp).contains("object-src 'none'", "frame-ancestors 'self'", "base-uri 'self'");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).isPresent();
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        HttpResponse<String> api = new Browser(port, "marc").loggedIn().get("/api/me");
        assertThat(api.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }
}
