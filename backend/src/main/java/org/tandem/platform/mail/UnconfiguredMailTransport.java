package org.tandem.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * The SMTP transport before any mail server is set (a first start with nothing but the administrator's
 * password): the application starts and works; every sending fails with a French reason, so its content
 * waits « à envoyer » with an incident, and leaves once {@code SPRING_MAIL_HOST} is set and the node restarted.
 */
final class UnconfiguredMailTransport implements MailTransport {

    static final String REASON = "Aucun serveur de messagerie n'est configuré (SPRING_MAIL_HOST) : le contenu "
            + "attend « à envoyer » / No mail server configured: the content waits to be sent";

    private final Session session = Session.getInstance(new Properties());

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void send(MimeMessage message, Runnable accepted) throws MessagingException {
        throw new MessagingException(REASON);
    }

    @Override
    public void probe() throws MessagingException {
        throw new MessagingException(REASON);
    }

    @Override
    public String describe() {
        return "smtp (non configuré : SPRING_MAIL_HOST)";
    }
}
