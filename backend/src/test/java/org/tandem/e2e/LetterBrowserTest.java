package org.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tandem.support.SeededTasks;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.TandemIntegrationTest;

/**
 * A real browser (Debian's Chromium driven by playwright-core) against the running application:
 * the adviser files a request, the expert edits and approves, the final letter shows its label.
 * The scenario lives in frontend/e2e/letter-path.mjs; it also runs axe-core on each page.
 */
@TandemIntegrationTest
class LetterBrowserTest {

    /** Tasks the expert bob sees besides this run's: the list must stay interactive within 1 s with them. */
    static final int SEEDED_TASKS = 1000;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void adviserAndExpertCompleteTheLetterPathInChromium() throws Exception {
        Path frontend = Path.of(System.getenv().getOrDefault("FRONTEND_DIR", "../frontend")).toAbsolutePath().normalize();
        Path node = frontend.resolve("node").resolve("node");
        Path script = frontend.resolve("e2e").resolve("letter-path.mjs");
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        assertThat(node).as("Node installed by the frontend build").exists();
        assertThat(script).exists();
        assertThat(Path.of(chromium)).as("Chromium (apt-get install chromium); .ci/run installs it").exists();

        Path log = Files.createTempFile("e2e-", ".log");
        ProcessBuilder builder = new ProcessBuilder(node.toString(), script.toString())
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BASE_URL", "http://localhost:" + port);
        builder.environment().put("CHROMIUM_PATH", chromium);
        builder.environment().put("SEEDED_TASKS", String.valueOf(SEEDED_TASKS));
        SeededTasks.seed(jdbc, "e2e-list-", SEEDED_TASKS, List.of("member-relations-experts"), List.of("reply-letter"), 0);
        Process process;
        boolean finished;
        try {
            process = builder.start();
            finished = process.waitFor(180, TimeUnit.SECONDS);
        } finally {
            SeededTasks.remove(jdbc, "e2e-list-");
        }
        String output = Files.readString(log);
        System.out.println(output);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("browser scenario finished within 180 s").isTrue();
        assertThat(process.exitValue()).as("browser scenario exit code; output:\n" + output).isZero();
    }
}
