package org.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.platform.security.Identities;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.TestMailAndKeys;

/**
 * The daily digest through the tests' real SMTP server (GreenMail): one mail per person who asked for it and has
 * unread notifications, French then English, never twice the same day, nobody who did not ask.
 */
@TandemIntegrationTest
class NotificationDigestIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Identities identities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DailyDigest digest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        if (!TestMailAndKeys.smtp().isRunning()) {
            TestMailAndKeys.restartSmtp();
        }
    }

    /** Other tests draw reviewers among the experts of a group: the people this test made leave with it. */
    @org.junit.jupiter.api.AfterEach
    void removeThePeopleThisTestMade(@Autowired org.camunda.bpm.engine.IdentityService identityService) {
        identityService.createUserQuery().list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId)
                .filter(id -> id.startsWith("digest-"))
                .forEach(identityService::deleteUser);
    }

    @Test
    void oneMailPerPersonWhoAskedForItOnceADay() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String reader = "digest-a-" + suffix;
        String nothingNew = "digest-b-" + suffix;
        String notAsked = "digest-c-" + suffix;
        for (String user : List.of(reader, nothingNew, notAsked)) {
            identities.ensureUser(user, "Dana", "Digest", user, List.of("experts"));
        }
        assertThat(api.put(reader, "/api/me/notification-settings", settings(true))
                        .status())
                .isEqualTo(200);
        assertThat(api.put(nothingNew, "/api/me/notification-settings", settings(true))
                        .status())
                .isEqualTo(200);
        assertThat(api.put(notAsked, "/api/me/notification-settings", settings(false))
                        .status())
                .isEqualTo(200);
        notify(reader, "NEW_TASK", "Relire le brouillon de l'IA", 4242L);
        notify(reader, "DUE_TOMORROW", "Approuver le contenu", 4243L);
        long read = notify(nothingNew, "ASSIGNED", "Modifier le contenu", null);
        jdbc.sql("update notification set read_at = now() where id = ?")
                .param(read)
                .update();
        notify(notAsked, "ASSIGNED", "Modifier le contenu", null);

        digest.send();

        List<MimeMessage> mails = to(reader);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Tandem : 2 notifications non lues / 2 unread notifications");
        String body = mail.getContent().toString().replace("\r\n", "\n");
        assertThat(body).startsWith("Bonjour Dana Digest,");
        assertThat(body.indexOf("Tâche à rendre demain : « Approuver le contenu », dossier n° 4243"))
                .isPositive()
                .isLessThan(body.indexOf("Task due tomorrow: « Approuver le contenu », case no. 4243"));
        assertThat(body)
                .contains("Nouvelle tâche pour votre groupe : « Relire le brouillon de l'IA », dossier n° 4242");
        assertThat(body).contains("/#/notifications");
        assertThat(to(nothingNew)).as("nothing unread").isEmpty();
        assertThat(to(notAsked)).as("did not ask").isEmpty();

        // a second run, or the other node, the same day: nothing more
        digest.send();
        assertThat(to(reader)).hasSize(1);

        // the next day, only what came since the last digest
        jdbc.sql("update notification set created_at = created_at - interval '2 days' where recipient = ?")
                .param(reader)
                .update();
        jdbc.sql("""
                        update notification_digest set day = day - 1, sent_at = sent_at - interval '1 day'
                        where recipient = ?""").param(reader).update();
        notify(reader, "RETURNED", "Rédiger à la main", 4244L);
        digest.send();
        List<MimeMessage> again = to(reader);
        assertThat(again).hasSize(2);
        // received in order (the Message-ID is the person's and the day's: here the same day, moved back)
        MimeMessage second = again.get(1);
        assertThat(second).isNotNull();
        assertThat(second.getSubject()).isEqualTo("Tandem : 1 notification non lue / 1 unread notification");
        assertThat(second.getContent().toString())
                .contains("Votre dossier vous revient")
                .doesNotContain("4242");
    }

    private static Map<String, Object> settings(boolean digest) {
        return Map.of("kinds", List.of("NEW_TASK", "ASSIGNED", "DUE_TOMORROW", "RETURNED"), "dailyDigest", digest);
    }

    private long notify(String recipient, String kind, String taskName, Long caseId) {
        return jdbc.sql("""
                        insert into notification (recipient, kind, task_id, case_id, task_name)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(recipient, kind, "digest-" + UUID.randomUUID(), caseId, taskName)
                .query(Long.class)
                .single();
    }

    private static List<MimeMessage> to(String user) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : TestMailAndKeys.smtp().getReceivedMessages()) {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            if (to != null && to.length == 1 && to[0].toString().equals(user + "@tandem.example")) {
                found.add(m);
            }
        }
        return found;
    }
}
