package org.tandem.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where a message goes once built: an SMTP server, or a folder of .eml files (laptops, demo). */
public interface MailTransport {

    Session session();

    /** Hands the message over; throws when it was not accepted (nothing is known to have left). */
    default void send(MimeMessage message) throws MessagingException {
        send(message, () -> {});
    }

    /**
     * Hands the message over and runs {@code accepted} the moment the other end has taken it, before anything
     * else is said (an SMTP server's goodbye): what the sender records of the acceptance is recorded in the
     * narrowest window. Throws {@link MessagingException} when the message was not accepted ({@code accepted}
     * has not run); an exception of {@code accepted} itself goes through unchanged, the message being out.
     */
    void send(MimeMessage message, Runnable accepted) throws MessagingException;

    /** Whether the other end answers now (connects and says hello, sends nothing). */
    void probe() throws MessagingException;

    /** For logs and health: « smtp://host:port » or « folder:/path ». */
    String describe();

    /** A message whose Message-ID is ours: every attempt sends the same message, which mail software de-duplicates. */
    final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        public FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
