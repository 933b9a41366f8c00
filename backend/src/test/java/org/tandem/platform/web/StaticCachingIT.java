package org.tandem.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.TandemIntegrationTest;

/** The browser keeps the built scripts (hashed names) and asks for index.html again (P4, issue 18). */
@TandemIntegrationTest
class StaticCachingIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void assetsAreImmutableAndTheIndexIsRevalidated() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get("/tasks").headers().firstValue("Cache-Control")).hasValue("no-cache");

        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index.body());
        assertThat(script.find()).as("a script of /assets/ in index.html").isTrue();
        HttpResponse<String> asset = get(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control").orElse(""))
                .contains("max-age=31536000")
                .contains("immutable");

        HttpResponse<String> boot = get("/boot.js");
        assertThat(boot.statusCode()).isEqualTo(200);
        assertThat(boot.body()).contains("/api/me");
        assertThat(boot.headers().firstValue("Cache-Control")).hasValue("max-age=3600");
        // an API answer stays uncached (Spring Security's default)
        assertThat(get("/api/me").headers().firstValue("Cache-Control").orElse(""))
                .contains("no-store");
    }
}
