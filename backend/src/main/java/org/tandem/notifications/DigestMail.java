package org.tandem.notifications;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.tandem.platform.mail.MailSettings;
import org.tandem.platform.mail.MailTransport;

/** The digest's e-mail: plain text, short, French first and English second, with the link to the list. */
@Component
class DigestMail {

    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final MailSettings mailSettings;
    private final NotificationsProperties properties;

    DigestMail(MailSettings mailSettings, NotificationsProperties properties) {
        this.mailSettings = mailSettings;
        this.properties = properties;
    }

    MimeMessage build(
            MailTransport transport,
            NotificationSettingsRepository.Subscriber to,
            LocalDate day,
            List<NotificationRepository.Row> unread)
            throws MessagingException {
        MimeMessage message = new MailTransport.FixedIdMessage(
                transport.session(), "<digest-" + to.username() + "-" + day + "@tandem>");
        message.setFrom(new InternetAddress(mailSettings.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.email()));
        message.setSubject(subject(unread.size()), StandardCharsets.UTF_8.name());
        message.setText(body(to, day, unread), StandardCharsets.UTF_8.name());
        return message;
    }

    static String subject(int count) {
        return count == 1
                ? "Tandem : 1 notification non lue / 1 unread notification"
                : "Tandem : " + count + " notifications non lues / " + count + " unread notifications";
    }

    String body(NotificationSettingsRepository.Subscriber to, LocalDate day, List<NotificationRepository.Row> unread) {
        List<NotificationRepository.Row> listed =
                unread.stream().limit(DailyDigest.LISTED).toList();
        StringBuilder out = new StringBuilder();
        String name = to.displayName() == null || to.displayName().isBlank() ? to.username() : to.displayName();
        out.append("Bonjour ")
                .append(name)
                .append(",\n\n")
                .append("Voici vos notifications non lues au ")
                .append(FRENCH_DAY.format(day))
                .append(" :\n\n");
        for (NotificationRepository.Row row : listed) {
            out.append("- ")
                    .append(row.kind().french())
                    .append(" : ")
                    .append(what(row, true))
                    .append('\n');
        }
        more(out, unread.size() - listed.size(), true);
        out.append("\nLes lire dans Tandem : ")
                .append(properties.link())
                .append('\n')
                .append(
                        "Vous recevez ce récapitulatif parce que vous l'avez demandé dans vos préférences de notification.\n")
                .append("\n---\n\n")
                .append("Hello ")
                .append(name)
                .append(",\n\n")
                .append("Your unread notifications on ")
                .append(ENGLISH_DAY.format(day))
                .append(":\n\n");
        for (NotificationRepository.Row row : listed) {
            out.append("- ")
                    .append(row.kind().english())
                    .append(": ")
                    .append(what(row, false))
                    .append('\n');
        }
        more(out, unread.size() - listed.size(), false);
        out.append("\nRead them in Tandem: ")
                .append(properties.link())
                .append('\n')
                .append("You receive this digest because you asked for it in your notification settings.\n");
        return out.toString();
    }

    /** The task's name and its case's number; never the case's subject (an e-mail leaves Tandem). */
    private static String what(NotificationRepository.Row row, boolean french) {
        String task = row.taskName() == null ? (french ? "tâche" : "task") : "« " + row.taskName() + " »";
        if (row.caseId() == null) {
            return task;
        }
        return task + (french ? ", dossier n° " : ", case no. ") + row.caseId();
    }

    private static void more(StringBuilder out, int others, boolean french) {
        if (others > 0) {
            out.append(french ? "… et " + others + " autre(s).\n" : "… and " + others + " more.\n");
        }
    }
}
