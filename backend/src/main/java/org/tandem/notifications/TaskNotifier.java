package org.tandem.notifications;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tandem.platform.time.EngineClock;
import org.tandem.work.TaskCases;

/**
 * Turns a task's creation or assignment into notifications, in the engine's transaction: nobody is told
 * of what they did themselves, and a failure here is logged, never the task's.
 */
@Component
class TaskNotifier {

    private static final Logger log = LoggerFactory.getLogger(TaskNotifier.class);

    /** The process variable naming the person who filed the case (content, extraction, knowledge answers). */
    static final String REQUESTED_BY = "requestedBy";

    private final NotificationRepository notifications;

    TaskNotifier(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    void on(DelegateTask task) {
        try {
            String actor = actor();
            switch (task.getEventName()) {
                case TaskListener.EVENTNAME_CREATE -> created(task, actor);
                case TaskListener.EVENTNAME_ASSIGNMENT -> assigned(task, actor);
                default -> {
                    // only creation and assignment are listened to
                }
            }
        } catch (RuntimeException e) {
            log.warn("notifications of task {} ({}) not written: {}", task.getId(), task.getEventName(), e.toString());
        }
    }

    private void created(DelegateTask task, String actor) {
        Set<String> groups = new LinkedHashSet<>();
        Set<String> users = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            } else if (link.getUserId() != null) {
                users.add(link.getUserId());
            }
        }
        Set<String> excluded = new LinkedHashSet<>();
        if (actor != null) {
            excluded.add(actor);
        }
        if (task.getAssignee() != null) {
            // the assignment event tells them
            excluded.add(task.getAssignee());
        }
        String requester = task.getVariable(REQUESTED_BY) instanceof String s ? s : null;
        if (requester != null && users.remove(requester) && !excluded.contains(requester)) {
            notifications.notify(NotificationKind.RETURNED, of(task), List.of(), List.of(requester), Set.of());
            excluded.add(requester);
        }
        if (!groups.isEmpty() || !users.isEmpty()) {
            notifications.notify(
                    NotificationKind.NEW_TASK, of(task), List.copyOf(groups), List.copyOf(users), excluded);
        }
    }

    private void assigned(DelegateTask task, String actor) {
        String assignee = task.getAssignee();
        if (assignee == null || assignee.equals(actor)) {
            return;
        }
        String requester = task.getVariable(REQUESTED_BY) instanceof String s ? s : null;
        NotificationKind kind = assignee.equals(requester) ? NotificationKind.RETURNED : NotificationKind.ASSIGNED;
        notifications.notify(kind, of(task), List.of(), List.of(assignee), Set.of());
    }

    private static NotificationRepository.About of(DelegateTask task) {
        Long caseId = task.getVariable(TaskCases.CASE_ID) instanceof Number n ? n.longValue() : null;
        return new NotificationRepository.About(task.getId(), caseId, task.getName(), EngineClock.now());
    }

    /** The person whose request is running (a claim, a hand-over, a decision); none for the engine's own jobs. */
    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return null;
        }
        return "anonymousUser".equals(authentication.getName()) ? null : authentication.getName();
    }
}
