package org.tandem.content.deadline;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;

/** Reads and writes task_escalation, whose unique case id makes an escalation happen once per case. */
@Repository
class EscalationRepository {

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the escalation unless the case already has one; false when it had (nothing is written). */
    boolean insertOnce(TaskEscalation e) {
        return jdbc.sql("""
                        insert into task_escalation (case_id, task_id, task_key, task_name, due_at, escalated_at, mode,
                                                     escalated_to, to_group, previous_assignee, entity_code, fallback_reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (case_id) do nothing""")
                        .params(
                                e.caseId(),
                                e.taskId(),
                                e.taskKey(),
                                e.taskName(),
                                e.dueAt(),
                                e.escalatedAt(),
                                e.mode(),
                                e.escalatedTo(),
                                e.toGroup(),
                                e.previousAssignee(),
                                e.entityCode(),
                                e.fallbackReason())
                        .update()
                == 1;
    }

    void recordHandled(long caseId, String by, String note) {
        jdbc.sql("""
                        update task_escalation set handled_by = ?, handled_at = ?, handled_note = ?
                        where case_id = ?""")
                .params(by, org.tandem.platform.time.EngineClock.now(), note, caseId)
                .update();
    }

    Optional<TaskEscalation> findByCase(long caseId) {
        return jdbc.sql("select * from task_escalation where case_id = ?")
                .param(caseId)
                .query(Rows.of(TaskEscalation.class))
                .optional();
    }
}
