package org.tandem.notifications;

import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tandem.platform.time.EngineClock;

/** Tells people of open tasks due tomorrow (Paris time); every node scans, the unique index tells each once. */
@Component
class DueTomorrow {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final Logger log = LoggerFactory.getLogger(DueTomorrow.class);

    private final NotificationRepository notifications;

    DueTomorrow(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Scheduled(cron = "${tandem.notifications.due-cron:0 5 * * * *}", zone = "Europe/Paris")
    void scheduled() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("due-tomorrow notifications not written this time: {}", e.toString());
        }
    }

    /** Returns how many notifications it wrote. */
    int scan() {
        var now = EngineClock.now();
        LocalDate tomorrow = now.atZoneSameInstant(PARIS).toLocalDate().plusDays(1);
        int written = notifications.notifyDue(
                tomorrow.atStartOfDay(PARIS).toOffsetDateTime(),
                tomorrow.plusDays(1).atStartOfDay(PARIS).toOffsetDateTime(),
                now);
        if (written > 0) {
            log.info("{} notification(s) of tasks due {}", written, tomorrow);
        }
        return written;
    }
}
