package org.tandem.work;

import java.util.LinkedHashMap;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.database.Rows;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;

/**
 * Against rubber-stamping (AI Act art. 14(4)(b)): a reviewer may accept or approve only once they
 * have displayed the whole text and its sources. The screen reports that display and the time
 * spent on it; {@code task_display} keeps it per task and person while the task lives (one row,
 * written with the decision's transaction; the engine's variables hold ids and flags only).
 */
@Component
public class DraftDisplays {

    /** A day: longer means the page stayed open, not that someone read for that long. */
    public static final long MAX_MS = 86_400_000L;

    private final JdbcClient jdbc;
    private final TaskAccess access;
    private final AuditTrail audit;

    DraftDisplays(JdbcClient jdbc, TaskAccess access, AuditTrail audit) {
        this.jdbc = jdbc;
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

    private record Recorded(long timeSpentMs, boolean firstReport) {}

    /** The same, for a task its caller has already checked the person may act on. */
    long record(Task task, CurrentUser user, long timeSpentMs) {
        long spent = Math.max(0, Math.min(MAX_MS, timeSpentMs));
        // one statement: the longest report kept, and whether this was the first (a row just inserted has
        // no xmax; one updated by the conflict branch carries the updating transaction's)
        Recorded recorded = jdbc.sql("""
                        insert into task_display (task_id, username, time_spent_ms) values (?, ?, ?)
                        on conflict (task_id, username) do update
                            set time_spent_ms = greatest(task_display.time_spent_ms, excluded.time_spent_ms),
                                recorded_at = now()
                        returning time_spent_ms, xmax = 0 as first_report""")
                .params(task.getId(), user.username(), spent)
                .query(Rows.of(Recorded.class))
                .single();
        String key = access.businessKey(task);
        var caseId = TaskAccess.caseIdOf(key);
        if (recorded.firstReport() && caseId.isPresent()) {
            var details = new LinkedHashMap<String, Object>();
            details.put("taskId", task.getId());
            details.put("task", task.getTaskDefinitionKey());
            details.put("timeSpentMs", spent);
            audit.append(caseId.get(), user.username(), AuditType.DRAFT_DISPLAYED, details);
        }
        return recorded.timeSpentMs();
    }

    /** The time {@code user} spent on the task's text, if they displayed all of it. */
    public Optional<Long> timeSpent(Task task, CurrentUser user) {
        return jdbc.sql("select time_spent_ms from task_display where task_id = ? and username = ?")
                .params(task.getId(), user.username())
                .query(Long.class)
                .optional();
    }

    /** The task ended (completed or deleted with its process): its display reports go with it. */
    public void forget(String taskId) {
        jdbc.sql("delete from task_display where task_id = ?").param(taskId).update();
    }
    /** Refuses the decision unless {@code user} displayed the whole text and its sources. */
    public long require(Task task, CurrentUser user) {
        return timeSpent(task, user)
                .orElseThrow(() -> ApiException.conflict(
                        "Affichez le texte en entier et ouvrez chacune de ses sources avant de valider : "
                                + "une validation sans lecture n'est pas possible."));
    }
}
