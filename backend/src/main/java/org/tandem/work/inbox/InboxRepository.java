package org.tandem.work.inbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tandem.work.CaseFacts;

/** Writes of the read model; the task list's reads are in {@link org.tandem.work.inbox.InboxSearch}. */
@Repository
class InboxRepository {

    private final JdbcTemplate jdbc;

    InboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an open task, or refreshes what the engine may change on it (the case facts stay). */
    void upsert(InboxRow row, CaseFacts facts) {
        jdbc.update(connection -> {
            PreparedStatement s = connection.prepareStatement("""
                    insert into inbox_task (task_id, process_instance_id, process_key, task_key, case_id, use_case_key,
                        member_id, member_name, subject, entity_code, created_at, name, candidate_groups, candidate_users,
                        assignee, due_at, follow_up_at, priority, suspended, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')
                    on conflict (task_id) do update set name = excluded.name,
                        candidate_groups = excluded.candidate_groups, candidate_users = excluded.candidate_users,
                        assignee = excluded.assignee, due_at = excluded.due_at, follow_up_at = excluded.follow_up_at,
                        priority = excluded.priority, suspended = excluded.suspended, status = 'OPEN', ended_at = null, updated_at = now()""");
            int i = 1;
            s.setString(i++, row.taskId());
            s.setString(i++, row.processInstanceId());
            s.setString(i++, row.processKey());
            s.setString(i++, row.taskKey());
            s.setObject(i++, facts.caseId(), Types.BIGINT);
            s.setString(i++, facts.useCaseKey());
            s.setString(i++, facts.memberId());
            s.setString(i++, facts.memberName());
            s.setString(i++, facts.subject());
            s.setString(i++, facts.entityCode());
            s.setObject(i++, row.createdAt());
            bindChangeable(s, i, row, connection);
            return s;
        });
    }

    /**
     * What {@link #upsert} changes on a row that exists, without its case facts.
     *
     * @return false when the task has no row yet
     */
    boolean refresh(InboxRow row) {
        return jdbc.update(connection -> {
                    PreparedStatement s = connection.prepareStatement("""
                            update inbox_task set name = ?, candidate_groups = ?, candidate_users = ?, assignee = ?,
                                due_at = ?, follow_up_at = ?, priority = ?, suspended = ?, status = 'OPEN', ended_at = null,
                                updated_at = now()
                            where task_id = ?""");
                    int next = bindChangeable(s, 1, row, connection);
                    s.setString(next, row.taskId());
                    return s;
                })
                > 0;
    }

    /** The columns the engine may change, from parameter {@code i} on, in this order; returns the next index. */
    private static int bindChangeable(PreparedStatement s, int i, InboxRow row, Connection connection)
            throws SQLException {
        s.setString(i++, row.name());
        s.setArray(i++, textArray(connection, row.candidateGroups()));
        s.setArray(i++, textArray(connection, row.candidateUsers()));
        s.setString(i++, row.assignee());
        s.setObject(i++, row.dueAt());
        s.setObject(i++, row.followUpAt());
        s.setInt(i++, row.priority());
        s.setBoolean(i++, row.suspended());
        return i;
    }

    /** A completed or deleted task stays as history, out of the open list; the first ending counts. */
    void end(String taskId, String status) {
        jdbc.update("""
                update inbox_task set status = ?, ended_at = now(), updated_at = now()
                where task_id = ? and status = 'OPEN'""", status, taskId);
    }

    /** The same, with what the engine changed on the task in the command that ended it (its assignee). */
    void end(InboxRow row, String status) {
        jdbc.update(connection -> {
            PreparedStatement s = connection.prepareStatement("""
                    update inbox_task set name = ?, candidate_groups = ?, candidate_users = ?, assignee = ?,
                        due_at = ?, follow_up_at = ?, priority = ?, suspended = ?, status = ?, ended_at = now(),
                        updated_at = now()
                    where task_id = ? and status = 'OPEN'""");
            int next = bindChangeable(s, 1, row, connection);
            s.setString(next++, status);
            s.setString(next, row.taskId());
            return s;
        });
    }

    /** Open tasks of the engine without a row (created before the listeners, or standalone tasks). */
    List<String> openTasksMissing(int max) {
        return jdbc.queryForList("""
                select t.id_ from act_ru_task t
                where not exists (select 1 from inbox_task i where i.task_id = t.id_ and i.status = 'OPEN')
                limit ?""", String.class, max);
    }

    /** Rows still open whose task the engine no longer has (ended while the listeners were absent). */
    int closeVanished() {
        return jdbc.update("""
                update inbox_task i set status = 'COMPLETED', ended_at = now(), updated_at = now()
                where i.status = 'OPEN' and not exists (select 1 from act_ru_task t where t.id_ = i.task_id)""");
    }

    /** The open tasks of a process instance follow its suspension (Cockpit's suspend / activate). */
    void suspend(String processInstanceId, boolean suspended) {
        jdbc.update("""
                update inbox_task set suspended = ?, updated_at = now()
                where process_instance_id = ? and status = 'OPEN' and suspended <> ?""", suspended, processInstanceId, suspended);
    }

    /** For the rebuild: open rows whose suspension differs from the engine's (changed while the handler was absent). */
    int syncSuspension() {
        return jdbc.update("""
                update inbox_task i set suspended = (t.suspension_state_ = 2), updated_at = now()
                from act_ru_task t
                where t.id_ = i.task_id and i.status = 'OPEN' and i.suspended <> (t.suspension_state_ = 2)""");
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }
}
