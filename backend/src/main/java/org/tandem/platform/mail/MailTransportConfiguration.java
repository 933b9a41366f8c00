package org.tandem.platform.mail;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Picks the transport ({@code tandem.delivery.transport}); SMTP without {@code spring.mail.host} starts all the
 * same (a first start), its contents waiting « à envoyer » until a mail server is set.
 */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MailTransportConfiguration.class);

    static {
        // jakarta.mail looks its stream provider up for every part of every message, through a ServiceLoader that
        // scans each jar of the application unless this property names it: 5 % of the CPU under load (issue 18)
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) == null) {
            System.setProperty(property, MailStreamProvider.class.getName());
        }
    }

    @Bean
    MailTransport mailTransport(MailSettings settings, ObjectProvider<JavaMailSenderImpl> smtp) {
        JavaMailSenderImpl sender = smtp.getIfAvailable();
        MailTransport transport = switch (settings.transport()) {
            case SMTP -> {
                if (sender == null) {
                    log.warn("tandem.delivery.transport=SMTP but spring.mail.host (SPRING_MAIL_HOST) is not set: "
                            + "letters and e-mails wait « à envoyer » (an incident each) until the SMTP server is "
                            + "set and the node restarted, then they leave. tandem.delivery.transport=FOLDER "
                            + "writes them to a folder instead.");
                    yield new UnconfiguredMailTransport();
                }
                yield new SmtpMailTransport(sender);
            }
            case AUTO -> sender != null ? new SmtpMailTransport(sender) : new FolderMailTransport(settings.outbox());
            case FOLDER -> new FolderMailTransport(settings.outbox());
        };
        if (transport instanceof FolderMailTransport) {
            log.warn(
                    "Letters and e-mails are written to {} and NOT sent (no SMTP server configured)",
                    transport.describe());
        } else {
            log.info("Letters and e-mails leave through {}", transport.describe());
        }
        return transport;
    }
}
