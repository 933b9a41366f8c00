package org.tandem.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Spring Boot's mail sender ({@code spring.mail.*}). */
final class SmtpMailTransport implements MailTransport {

    private final JavaMailSenderImpl sender;

    SmtpMailTransport(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    @Override
    public Session session() {
        return sender.getSession();
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new MessagingException(describe() + " : " + rootMessage(e), e);
        }
    }

    @Override
    public void probe() throws MessagingException {
        sender.testConnection();
    }

    @Override
    public String describe() {
        return "smtp://" + sender.getHost() + ":" + (sender.getPort() > 0 ? sender.getPort() : 25);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}
