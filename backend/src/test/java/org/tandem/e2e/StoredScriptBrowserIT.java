package org.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.Browser;
import org.tandem.support.TandemIntegrationTest;

/** Script and event handlers stored in a case's text show as text in Chromium and never run. */
@TandemIntegrationTest
class StoredScriptBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void storedScriptNeverRunsInTheCasePages() throws Exception {
        Browser alice = new Browser(port, "alice").loggedIn();
        List<String> ids = new ArrayList<>();
        for (String payload : List.of(
                "<img src=x onerror=\\\"window.__xss=1;alert(1)\\\">",
                "<script>window.__xss=2</script>",
                "\\\"><svg/onload=window.__xss=3>")) {
            var created = alice.json("POST", "/api/cases", """
                    {"useCaseKey":"reply-letter","memberId":"M-1001","subject":"%s",
                     "message":"%s <b>gras</b>"}""".formatted(payload, payload));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.add(created.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
        }
        Path frontend = Path.of(System.getenv().getOrDefault("FRONTEND_DIR", "../frontend"))
                .toAbsolutePath()
                .normalize();
        Path log = Files.createTempFile("e2e-xss-", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        frontend.resolve("node").resolve("node").toString(),
                        frontend.resolve("e2e").resolve("stored-script.mjs").toString())
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BASE_URL", "http://localhost:" + port);
        builder.environment().put("CASE_IDS", String.join(",", ids));
        builder.environment().put("CHROMIUM_PATH", System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        Process process = builder.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = Files.readString(log);
        System.out.println(output);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("finished within 120 s").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
