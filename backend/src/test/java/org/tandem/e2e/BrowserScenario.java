package org.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs one browser scenario of frontend/e2e/ (Debian's Chromium driven by playwright-core, with
 * the Node the frontend build installed) against the application on {@code port}, and fails
 * with the scenario's output when it does not pass.
 */
final class BrowserScenario {

    private BrowserScenario() {}

    static void run(int port, String script, int timeoutSeconds) throws Exception {
        run(port, script, timeoutSeconds, java.util.Map.of());
    }

    /** @param environment what the scenario reads besides BASE_URL and CHROMIUM_PATH */
    static void run(int port, String script, int timeoutSeconds, java.util.Map<String, String> environment)
            throws Exception {
        Path frontend = Path.of(System.getenv().getOrDefault("FRONTEND_DIR", "../frontend"))
                .toAbsolutePath()
                .normalize();
        Path node = frontend.resolve("node").resolve("node");
        Path file = frontend.resolve("e2e").resolve(script);
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        assertThat(node).as("Node installed by the frontend build").exists();
        assertThat(file).exists();
        assertThat(Path.of(chromium))
                .as("Chromium (apt-get install chromium); .ci/run installs it")
                .exists();

        Path log = Files.createTempFile("e2e-", ".log");
        ProcessBuilder builder = new ProcessBuilder(node.toString(), file.toString())
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BASE_URL", "http://localhost:" + port);
        builder.environment().put("CHROMIUM_PATH", chromium);
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        String output = Files.readString(log);
        System.out.println(output);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished)
                .as(script + " finished within " + timeoutSeconds + " s")
                .isTrue();
        assertThat(process.exitValue())
                .as(script + " exit code; output:\n" + output)
                .isZero();
    }
}
