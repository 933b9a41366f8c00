package org.tandem.platform.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Picks the transport ({@code tandem.delivery.transport}); SMTP without {@code spring.mail.host} refuses to start. */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MailTransportConfiguration.class);

    @Bean
    MailTransport mailTransport(MailSettings settings, ObjectProvider<JavaMailSenderImpl> smtp) {
        JavaMailSenderImpl sender = smtp.getIfAvailable();
        MailTransport transport = switch (settings.transport()) {
            case SMTP -> {
                if (sender == null) {
                    throw new IllegalStateException("tandem.delivery.transport=SMTP but spring.mail.host "
                            + "(SPRING_MAIL_HOST) is not set: letters and e-mails could not leave. Set the "
                            + "SMTP server, or tandem.delivery.transport=FOLDER to write them to a folder.");
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
