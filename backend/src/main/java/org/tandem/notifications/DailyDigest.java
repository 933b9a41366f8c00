package org.tandem.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.platform.mail.MailTransport;
import org.tandem.platform.time.EngineClock;

/**
 * Once a day, one e-mail per person who asked for it and has unread notifications since their last digest,
 * through the disclosure channel's mail set-up. Two nodes send it once: the day's row is taken first, in the
 * transaction that sends; a failed sending gives it back for the next run.
 */
@Component
class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    /** At most this many notifications are listed in a mail; the count says the rest. */
    static final int LISTED = 20;

    private final NotificationSettingsRepository settings;
    private final NotificationRepository notifications;
    private final DigestMail mail;
    private final MailTransport transport;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DailyDigest(
            NotificationSettingsRepository settings,
            NotificationRepository notifications,
            DigestMail mail,
            MailTransport transport,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.settings = settings;
        this.notifications = notifications;
        this.mail = mail;
        this.transport = transport;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(cron = "${tandem.notifications.digest-cron:0 30 6 * * *}", zone = "Europe/Paris")
    void scheduled() {
        try {
            send();
        } catch (RuntimeException e) {
            log.warn("daily digest interrupted: {}", e.toString());
        }
    }

    /** Sends today's digests not sent yet; returns how many left. */
    int send() {
        OffsetDateTime now = EngineClock.now();
        LocalDate day = now.atZoneSameInstant(DueTomorrow.PARIS).toLocalDate();
        int sent = 0;
        for (NotificationSettingsRepository.Subscriber subscriber : settings.subscribers(day)) {
            try {
                Boolean left = transaction.execute(status -> sendOne(subscriber, day, now));
                sent += Boolean.TRUE.equals(left) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn(
                        "daily digest of {} not sent, tried again at the next run: {}",
                        subscriber.username(),
                        e.toString());
            }
        }
        if (sent > 0) {
            log.info("{} daily digest(s) sent for {}", sent, day);
        }
        return sent;
    }

    private boolean sendOne(NotificationSettingsRepository.Subscriber subscriber, LocalDate day, OffsetDateTime now) {
        OffsetDateTime since = jdbc.sql("select max(sent_at) from notification_digest where recipient = ?")
                .param(subscriber.username())
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
        List<NotificationRepository.Row> unread = notifications.unreadSince(subscriber.username(), since, 1_000);
        if (unread.isEmpty()) {
            return false;
        }
        int taken = jdbc.sql("""
                        insert into notification_digest (recipient, day, sent_at, notifications)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(subscriber.username(), day, now, unread.size())
                .update();
        if (taken == 0) {
            // the other node has it
            return false;
        }
        try {
            MimeMessage message = mail.build(transport, subscriber, day, unread);
            transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(transport.describe() + ": " + e.getMessage(), e);
        }
        return true;
    }
}
