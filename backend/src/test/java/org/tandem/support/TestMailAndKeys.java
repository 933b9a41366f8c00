package org.tandem.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What the tests need outside the JVM's Spring contexts, made once per test JVM: a real SMTP server
 * (GreenMail, on a free port of the loopback) that every test context sends its letters and e-mails
 * to, and the test suite's own provenance key pair (EC P-256), given to every context as its
 * {@code tandem.provenance.signing-key}. Lowest precedence: a test that sets either keeps its own; a test
 * that sets {@value #AS_INSTALLED} gets neither (a first start with nothing configured).
 */
public class TestMailAndKeys implements EnvironmentPostProcessor, Ordered {

    /** Set to true by a test that runs the application as a first start finds it: no mail server, no key. */
    public static final String AS_INSTALLED = "tandem.test.as-installed";

    private static GreenMail smtp;
    private static int port;
    private static KeyPair keys;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(AS_INSTALLED, Boolean.class, false)) {
            return;
        }
        start();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "tandem-test-mail-and-keys",
                        Map.of(
                                "spring.mail.host",
                                "127.0.0.1",
                                "spring.mail.port",
                                port,
                                "TANDEM_PROVENANCE_SIGNING_KEY",
                                privateKeyPem())));
    }

    /** The SMTP server of the test JVM (started on first use). */
    public static synchronized GreenMail smtp() {
        start();
        return smtp;
    }

    /** The mail server goes down (connection refused) until {@link #restartSmtp()}. */
    public static synchronized void stopSmtp() {
        smtp().stop();
    }

    /** The mail server comes back, on the same port, with an empty mailbox. */
    public static synchronized void restartSmtp() {
        smtp.stop();
        smtp = server();
        smtp.start();
    }

    public static synchronized KeyPair keys() {
        start();
        return keys;
    }

    public static String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static synchronized void start() {
        if (smtp != null) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        smtp = server();
        smtp.start();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail server() {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
