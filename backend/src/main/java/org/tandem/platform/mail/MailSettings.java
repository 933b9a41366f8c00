package org.tandem.platform.mail;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The part of {@code tandem.delivery.*} that says how any e-mail leaves (letters, disclosures, digests);
 * the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param transport SMTP (default; without {@code spring.mail.host} contents wait « à envoyer »), FOLDER (each message is written as an
 *                  .eml file into {@code outbox}, nothing is sent: for a laptop), or AUTO (SMTP when
 *                  {@code spring.mail.host} is set, otherwise FOLDER: the demo's choice)
 * @param from      the sender of every message, e.g. {@code Mutuelle Exemple <ne-pas-repondre@…>}
 * @param outbox    the FOLDER transport's folder
 */
@ConfigurationProperties("tandem.delivery")
public record MailSettings(Transport transport, String from, Path outbox) {

    public enum Transport {
        AUTO,
        SMTP,
        FOLDER
    }

    public MailSettings {
        transport = transport == null ? Transport.SMTP : transport;
        from = from == null || from.isBlank() ? "Tandem <ne-pas-repondre@tandem.invalid>" : from.strip();
        outbox = outbox == null ? Path.of("data", "outbox") : outbox;
    }
}
