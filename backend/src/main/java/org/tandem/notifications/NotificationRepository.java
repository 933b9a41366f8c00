package org.tandem.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code notification} table: written in one statement per event, read per person. The case's subject
 * is read from the task list's read model at display time, so that it leaves with the case's erasure.
 */
@Repository
class NotificationRepository {

    /** The task and case a notification is about, and when. */
    record About(String taskId, Long caseId, String taskName, OffsetDateTime at) {}

    /** A notification as its recipient reads it. */
    record Row(
            long id,
            NotificationKind kind,
            String taskId,
            String taskKey,
            Long caseId,
            String taskName,
            String subject,
            boolean taskOpen,
            OffsetDateTime createdAt,
            OffsetDateTime readAt) {}

    private final JdbcClient jdbc;
    /** A savepoint inside the engine's transaction: a failed insert rolls back alone, never the task. */
    private final TransactionTemplate nested;

    NotificationRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * One insert for every member of the groups and every user named, but those excluded and those who
     * turned this kind off.
     */
    int notify(
            NotificationKind kind, About about, List<String> groups, List<String> users, Collection<String> excluded) {
        Integer inserted = nested.execute(status -> jdbc.sql("""
                        insert into notification (recipient, kind, task_id, case_id, task_name, created_at)
                        select r.recipient, :kind, :task, :case, :name, :at
                        from (select m.user_id_ as recipient from act_id_membership m where m.group_id_ = any(cast(:groups as text[]))
                              union
                              select u from unnest(cast(:users as text[])) u) r
                        where r.recipient is not null
                          and r.recipient <> all(cast(:excluded as text[]))
                          and not exists (select 1 from notification_settings s
                                          where s.username = r.recipient and not (:kind = any(s.in_app_kinds)))""")
                .param("kind", kind.name())
                .param("task", about.taskId())
                .param("case", about.caseId())
                .param("name", truncate(about.taskName()))
                .param("at", about.at())
                .param("groups", literal(groups))
                .param("users", literal(users))
                .param("excluded", literal(excluded))
                .update());
        return inserted == null ? 0 : inserted;
    }

    /**
     * « Due tomorrow » for every open task due in [from, to): its assignee, or else its candidates; once per task
     * and person whichever node scans (the unique index).
     */
    int notifyDue(OffsetDateTime from, OffsetDateTime to, OffsetDateTime at) {
        return jdbc.sql("""
                        insert into notification (recipient, kind, task_id, case_id, task_name, created_at)
                        select r.recipient, 'DUE_TOMORROW', t.task_id, t.case_id, t.name, :at
                        from inbox_task t
                        cross join lateral (
                            select t.assignee as recipient where t.assignee is not null
                            union
                            select m.user_id_ from act_id_membership m
                            where t.assignee is null and m.group_id_ = any(t.candidate_groups)
                            union
                            select u from unnest(t.candidate_users) u where t.assignee is null) r
                        where t.status = 'OPEN' and not t.suspended and t.due_at >= :from and t.due_at < :to
                          and not exists (select 1 from notification_settings s
                                          where s.username = r.recipient and not ('DUE_TOMORROW' = any(s.in_app_kinds)))
                        on conflict (task_id, recipient) where kind = 'DUE_TOMORROW' do nothing""").param("from", from).param("to", to).param("at", at).update();
    }

    List<Row> page(String recipient, int page, int size) {
        return jdbc.sql(SELECT + " where n.recipient = :me order by n.id desc limit :size offset :offset")
                .param("me", recipient)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(NotificationRepository::row)
                .list();
    }

    /** Unread since a moment (null: all unread), newest first, at most {@code max}. */
    List<Row> unreadSince(String recipient, OffsetDateTime since, int max) {
        return jdbc.sql(SELECT + " " + """
                         where n.recipient = :me and n.read_at is null
                           and n.created_at > coalesce(cast(:since as timestamptz), '-infinity')
                         order by n.id desc limit :max""")
                .param("me", recipient)
                .param("since", since)
                .param("max", max)
                .query(NotificationRepository::row)
                .list();
    }

    long total(String recipient) {
        return jdbc.sql("select count(*) from notification where recipient = ?")
                .param(recipient)
                .query(Long.class)
                .single();
    }

    long unread(String recipient) {
        return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null")
                .param(recipient)
                .query(Long.class)
                .single();
    }

    /** Whether the notification exists and is the person's (read or not). */
    boolean markRead(long id, String recipient, OffsetDateTime at) {
        int found = jdbc.sql(
                        "update notification set read_at = coalesce(read_at, :at) where id = :id and recipient = :me")
                .param("at", at)
                .param("id", id)
                .param("me", recipient)
                .update();
        return found > 0;
    }

    int markAllRead(String recipient, OffsetDateTime at) {
        return jdbc.sql("update notification set read_at = :at where recipient = :me and read_at is null")
                .param("at", at)
                .param("me", recipient)
                .update();
    }

    private static final String SELECT = """
            select n.id, n.kind, n.task_id, n.case_id, n.task_name, n.created_at, n.read_at,
                   t.task_key, t.subject, coalesce(t.status = 'OPEN', false) as task_open
            from notification n left join inbox_task t on t.task_id = n.task_id""";

    private static Row row(ResultSet rs, int n) throws SQLException {
        long caseId = rs.getLong("case_id");
        Long caseOrNull = rs.wasNull() ? null : caseId;
        return new Row(
                rs.getLong("id"),
                NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("task_id"),
                rs.getString("task_key"),
                caseOrNull,
                rs.getString("task_name"),
                rs.getString("subject"),
                rs.getBoolean("task_open"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("read_at", OffsetDateTime.class));
    }

    private static String truncate(String name) {
        return name == null || name.length() <= 255 ? name : name.substring(0, 255);
    }

    /** A PostgreSQL array literal, every element quoted: no id can break out of it. */
    static String literal(Collection<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return out.append('}').toString();
    }
}
