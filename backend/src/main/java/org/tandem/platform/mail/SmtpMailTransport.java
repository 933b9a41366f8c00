package org.tandem.platform.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Spring Boot's mail sender ({@code spring.mail.*}). */
final class SmtpMailTransport implements MailTransport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SmtpMailTransport.class);

    private final JavaMailSenderImpl sender;

    SmtpMailTransport(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    @Override
    public Session session() {
        return sender.getSession();
    }

    /**
     * What Spring's {@code JavaMailSenderImpl.send} does (connect, send, say goodbye), split so that
     * {@code accepted} runs as soon as the server has answered the message's end, before QUIT.
     */
    @Override
    public void send(MimeMessage message, Runnable accepted) throws MessagingException {
        Transport transport = null;
        try {
            transport = sender.getSession().getTransport(protocol());
            transport.connect(
                    sender.getHost(),
                    sender.getPort(),
                    blankToNull(sender.getUsername()),
                    blankToNull(sender.getPassword()));
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            String messageId = message.getMessageID(); // kept through saveChanges, as Spring's sender does
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);
            }
            Address[] recipients = message.getAllRecipients();
            transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
        } catch (MessagingException e) {
            close(transport);
            throw new MessagingException(describe() + " : " + rootMessage(e), e);
        }
        try {
            accepted.run();
        } finally {
            close(transport);
        }
    }

    private String protocol() {
        String protocol = sender.getProtocol();
        return protocol != null ? protocol : "smtp";
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The goodbye, once the message is accepted or refused: its failure changes nothing for the message. */
    private static void close(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("SMTP connection not closed cleanly: {}", e.getMessage());
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
