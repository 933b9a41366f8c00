package org.tandem.platform.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak on this machine, for {@link KeycloakLoginIT}: the distribution the build unpacks from
 * Maven (org.keycloak:keycloak-quarkus-dist, into target/keycloak), started in dev mode on free ports
 * with an in-memory database and the test realm imported, under a Java 21+ (Keycloak 26 needs it; the
 * project's own build runs on 17). Nothing is downloaded here.
 */
final class KeycloakServer implements AutoCloseable {

    /** Where the build unpacks the distribution (backend/pom.xml, execution unpack-keycloak). */
    static final Path HOME = Path.of(System.getProperty("keycloak.home", "target/keycloak"))
            .toAbsolutePath()
            .normalize();

    static final String REALM = "insurer";

    private final Process process;
    private final int port;
    private final Path log;
    private final Duration startTime;

    private KeycloakServer(Process process, int port, Path log, Duration startTime) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startTime = startTime;
    }

    /** The unpacked distribution's kc.sh, if the build unpacked it. */
    static Optional<Path> script() {
        if (!Files.isDirectory(HOME)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(HOME)) {
            return dirs.map(d -> d.resolve("bin").resolve("kc.sh"))
                    .filter(Files::isRegularFile)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A Java 21 or later for Keycloak: KEYCLOAK_JAVA_HOME, then the JDKs under /usr/lib/jvm (Temurin 25
     * on this project's machines), then the JVM running the tests.
     */
    static Optional<Path> javaHome() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.sorted(java.util.Comparator.reverseOrder()).forEach(candidates::add);
        } catch (IOException e) {
            // not a Debian machine
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        return candidates.stream()
                .filter(h -> Files.isExecutable(h.resolve("bin").resolve("java")))
                .filter(h -> majorVersion(h) >= 21)
                .findFirst();
    }

    private static int majorVersion(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no release file: unknown
        }
        return 0;
    }

    /** Starts Keycloak with the realm of {@code realmResource} and waits until the realm answers. */
    static KeycloakServer start(Path script, Path javaHome, String realmResource, Duration timeout) throws Exception {
        Path home = script.getParent().getParent();
        Path imports = home.resolve("data").resolve("import");
        Files.createDirectories(imports);
        try (var realm = KeycloakServer.class.getResourceAsStream(realmResource)) {
            Files.copy(realm, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        int port = freePort();
        int management = freePort();
        Path log = Files.createTempFile("keycloak-", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        script.toString(),
                        "start-dev",
                        "--http-port=" + port,
                        "--http-management-port=" + management,
                        "--import-realm",
                        "--db=dev-mem",
                        "--cache=local")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        long started = System.nanoTime();
        Process process = builder.start();
        KeycloakServer server = new KeycloakServer(process, port, log, null);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Keycloak stopped (exit " + process.exitValue() + "):\n" + server.tail());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(server.issuer() + "/.well-known/openid-configuration"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return new KeycloakServer(process, port, log, Duration.ofNanos(System.nanoTime() - started));
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        server.close();
        throw new IllegalStateException(
                "Keycloak did not answer within " + timeout.toSeconds() + " s:\n" + server.tail());
    }

    /** 127.0.0.1, not localhost: its cookies stay apart from the application's in one cookie jar. */
    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    Duration startTime() {
        return startTime;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
