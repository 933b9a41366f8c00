package org.tandem.work;

import java.util.LinkedHashMap;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;

/**
 * Against rubber-stamping (AI Act art. 14(4)(b)): a reviewer may accept or approve only once they
 * have displayed the whole text and its sources. The screen reports that display and the time
 * spent on it; the engine keeps it as a task-local variable per person, so it goes with the task.
 */
@Component
public class DraftDisplays {

    private static final String PREFIX = "displayedMs_";
    /** A day: longer means the page stayed open, not that someone read for that long. */
    public static final long MAX_MS = 86_400_000L;

    private final TaskService taskService;
    private final TaskAccess access;
    private final AuditTrail audit;

    DraftDisplays(TaskService taskService, TaskAccess access, AuditTrail audit) {
        this.taskService = taskService;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Records that {@code user} displayed the whole text and its sources on the task, having spent
     * {@code timeSpentMs} on it so far; the longest report counts. The first one goes to the trail.
     */
    @Transactional
    public long record(String taskId, CurrentUser user, long timeSpentMs) {
        return record(access.requireActionable(taskId, user), user, timeSpentMs);
    }

    /** The same, for a task its caller has already checked the person may act on. */
    long record(Task task, CurrentUser user, long timeSpentMs) {
        long spent = Math.max(0, Math.min(MAX_MS, timeSpentMs));
        Optional<Long> before = timeSpent(task, user);
        long kept = Math.max(spent, before.orElse(0L));
        taskService.setVariableLocal(task.getId(), variable(user), kept);
        String key = access.businessKey(task);
        if (before.isEmpty() && key != null && key.matches("\\d{1,18}")) {
            var details = new LinkedHashMap<String, Object>();
            details.put("taskId", task.getId());
            details.put("task", task.getTaskDefinitionKey());
            details.put("timeSpentMs", spent);
            audit.append(Long.parseLong(key), user.username(), AuditType.DRAFT_DISPLAYED, details);
        }
        return kept;
    }

    /** The time {@code user} spent on the task's text, if they displayed all of it. */
    public Optional<Long> timeSpent(Task task, CurrentUser user) {
        Object value = taskService.getVariableLocal(task.getId(), variable(user));
        return value instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** Refuses the decision unless {@code user} displayed the whole text and its sources. */
    public long require(Task task, CurrentUser user) {
        return timeSpent(task, user)
                .orElseThrow(() -> ApiException.conflict(
                        "Affichez le texte en entier et ouvrez chacune de ses sources avant de valider : "
                                + "une validation sans lecture n'est pas possible."));
    }

    private static String variable(CurrentUser user) {
        return PREFIX + user.username();
    }
}
