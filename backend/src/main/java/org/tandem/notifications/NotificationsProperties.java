package org.tandem.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.notifications.*}.
 *
 * @param digestCron when the daily digest leaves (Europe/Paris; default 06:30 every day)
 * @param dueCron    when open tasks due tomorrow are looked for (Europe/Paris; default every hour: a task whose
 *                   due date is set during the day is still told of; each task and person once)
 * @param link       the notifications page, linked from the digest
 */
@ConfigurationProperties("tandem.notifications")
public record NotificationsProperties(String digestCron, String dueCron, String link) {

    public NotificationsProperties {
        digestCron = digestCron == null || digestCron.isBlank() ? "0 30 6 * * *" : digestCron.strip();
        dueCron = dueCron == null || dueCron.isBlank() ? "0 5 * * * *" : dueCron.strip();
        link = link == null || link.isBlank() ? "http://localhost:8080/#/notifications" : link.strip();
    }
}
