package org.tandem.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.web.ApiException;

/** A person's own notifications: the list, the header's unread count, marking them read. */
@RestController
@PreAuthorize("isAuthenticated() and !hasRole('SERVICE')")
class NotificationController {

    @Schema(name = "Notification")
    record NotificationView(
            long id,
            NotificationKind kind,
            String taskId,
            String taskKey,
            Long caseId,
            String taskName,
            String subject,
            boolean taskOpen,
            OffsetDateTime createdAt,
            boolean read) {}

    @Schema(name = "NotificationPage")
    record NotificationPage(List<NotificationView> items, long total, long unread, int page, int size) {}

    @Schema(name = "UnreadCount")
    record UnreadCount(long unread) {}

    @Schema(name = "MarkedRead")
    record MarkedRead(int marked) {}

    static final int MAX_SIZE = 100;

    private final NotificationRepository notifications;
    private final CurrentUsers users;

    NotificationController(NotificationRepository notifications, CurrentUsers users) {
        this.notifications = notifications;
        this.users = users;
    }

    @GetMapping("/api/notifications")
    NotificationPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw ApiException.invalidField("page", "Le numéro de page va de 0 à 10 000.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.invalidField("size", "Une page compte de 1 à " + MAX_SIZE + " notifications.");
        }
        String me = users.current().username();
        List<NotificationView> items = notifications.page(me, page, size).stream()
                .map(r -> new NotificationView(
                        r.id(),
                        r.kind(),
                        r.taskId(),
                        r.taskKey(),
                        r.caseId(),
                        r.taskName(),
                        r.subject(),
                        r.taskOpen(),
                        r.createdAt(),
                        r.readAt() != null))
                .toList();
        return new NotificationPage(items, notifications.total(me), notifications.unread(me), page, size);
    }

    @GetMapping("/api/notifications/unread-count")
    UnreadCount unread() {
        return new UnreadCount(notifications.unread(users.current().username()));
    }

    @PostMapping("/api/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(@PathVariable String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Cette notification n'existe pas.");
        }
        // someone else's is answered as missing: nobody learns that it exists
        if (!notifications.markRead(number, users.current().username(), EngineClock.now())) {
            throw ApiException.notFound("Cette notification n'existe pas.");
        }
    }

    @PostMapping("/api/notifications/read-all")
    MarkedRead markAllRead() {
        return new MarkedRead(notifications.markAllRead(users.current().username(), EngineClock.now()));
    }
}
