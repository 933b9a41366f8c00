package org.tandem.work.inbox;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.tandem.work.inbox.TaskCriteria.Scope;
import org.tandem.work.inbox.TaskCriteria.Status;

/**
 * The task list's queries: one indexed statement on {@code inbox_task} per page, one for the counts.
 * Who sees what mirrors {@code review.TaskAccess}: a claimed task is its assignee's; an unclaimed
 * one belongs to its candidate users and to the members of its candidate groups.
 */
@Component
public class InboxSearch {

    /** Dates of the filters are days of the insurer's office. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final NamedParameterJdbcTemplate jdbc;

    InboxSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Viewer(String username, List<String> groups) {}

    public record Counts(long mine, long groups, long all, long overdue, Map<String, Long> byUseCase) {}

    public List<InboxTask> page(TaskCriteria criteria, Viewer viewer, int offset, int limit) {
        MapSqlParameterSource params = params(viewer);
        String where = where(criteria, viewer, params, true, true);
        String order = orderBy(criteria);
        params.addValue("offset", offset).addValue("limit", limit);
        return jdbc.query(
                "select * from inbox_task i where " + where + " order by " + order + " offset :offset limit :limit",
                params,
                ROW);
    }

    /**
     * Counts of the open tasks per scope and of the overdue ones (the other filters applied), and per
     * use case for the list as asked (its use case filter left out) — in one pass over the tasks the
     * person may see, grouped by use case.
     */
    public Counts counts(TaskCriteria criteria, Viewer viewer) {
        if (criteria.statusValue() == Status.DONE) {
            return doneCounts(criteria, viewer);
        }
        MapSqlParameterSource params = params(viewer);
        TaskCriteria visibleAnyUseCase = new TaskCriteria(
                criteria.scope(),
                null,
                null,
                criteria.member(),
                criteria.dueAfter(),
                criteria.dueBefore(),
                criteria.minPriority(),
                criteria.text(),
                null,
                null,
                criteria.suspended());
        String asked = scopeAndStatus(criteria);
        String useCase = TaskCriteria.blankToNull(criteria.useCase());
        long[] totals = new long[4];
        Map<String, Long> byUseCase = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> asList = new ArrayList<>();
        jdbc.query(
                """
                select coalesce(i.use_case_key, '') as k,
                       count(*) filter (where i.assignee = :user) as mine,
                       count(*) filter (where i.assignee is null) as groups,
                       count(*) as all_,
                       count(*) filter (where i.due_at < now()) as overdue,
                       count(*) filter (where\s""" + asked + """
                ) as asked
                from inbox_task i where\s""" + where(visibleAnyUseCase, viewer, params, false, false) + " group by 1",
                params,
                rs -> {
                    String key = rs.getString("k");
                    if (useCase == null || useCase.equals(key)) {
                        totals[0] += rs.getLong("mine");
                        totals[1] += rs.getLong("groups");
                        totals[2] += rs.getLong("all_");
                        totals[3] += rs.getLong("overdue");
                    }
                    if (rs.getLong("asked") > 0) {
                        asList.add(Map.entry(key, rs.getLong("asked")));
                    }
                });
        asList.stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEachOrdered(e -> byUseCase.put(e.getKey(), e.getValue()));
        return new Counts(totals[0], totals[1], totals[2], totals[3], byUseCase);
    }

    /** The counts beside "done by me": the open tasks' scopes, and the completed tasks per use case. */
    private Counts doneCounts(TaskCriteria criteria, Viewer viewer) {
        MapSqlParameterSource params = params(viewer);
        TaskCriteria open = withStatus(criteria, null);
        Map<String, Object> totals = jdbc.queryForMap("""
                select count(*) filter (where i.assignee = :user) as mine,
                       count(*) filter (where i.assignee is null) as groups,
                       count(*) as all_,
                       count(*) filter (where i.due_at < now()) as overdue
                from inbox_task i where """ + " " + where(open, viewer, params, false, false), params);
        MapSqlParameterSource byUseCaseParams = params(viewer);
        TaskCriteria anyUseCase = new TaskCriteria(
                criteria.scope(),
                criteria.status(),
                null,
                criteria.member(),
                criteria.dueAfter(),
                criteria.dueBefore(),
                criteria.minPriority(),
                criteria.text(),
                null,
                null,
                criteria.suspended());
        Map<String, Long> byUseCase = new LinkedHashMap<>();
        jdbc.query(
                "select coalesce(i.use_case_key, '') as k, count(*) as n from inbox_task i where "
                        + where(anyUseCase, viewer, byUseCaseParams, true, true) + " group by 1 order by 2 desc",
                byUseCaseParams,
                rs -> {
                    byUseCase.put(rs.getString("k"), rs.getLong("n"));
                });
        return new Counts(
                number(totals.get("mine")),
                number(totals.get("groups")),
                number(totals.get("all_")),
                number(totals.get("overdue")),
                byUseCase);
    }

    /** The scope and the open status asked, as a condition on rows already visible to the person. */
    private static String scopeAndStatus(TaskCriteria c) {
        String scope = switch (c.scopeValue()) {
            case MINE -> "i.assignee = :user";
            case GROUPS -> "i.assignee is null";
            case ALL -> "true";
        };
        return switch (c.statusValue()) {
            case OVERDUE -> scope + " and i.due_at < now()";
            case FOLLOW_UP -> scope + " and i.follow_up_at <= now()";
            default -> scope;
        };
    }

    /**
     * The open tasks of a scope the person may see, oldest first, leaving out the tasks of some
     * processes (the home's task sections: another section shows those).
     */
    public List<InboxTask> firstOpen(Viewer viewer, Scope scope, java.util.Collection<String> leftOut, int limit) {
        MapSqlParameterSource params = params(viewer);
        String where = openWhere(scope, leftOut, viewer, params);
        params.addValue("limit", limit);
        return jdbc.query(
                "select * from inbox_task i where " + where + " order by i.created_at asc, i.task_id asc limit :limit",
                params,
                ROW);
    }

    /** How many open tasks {@link #firstOpen} would list without its limit. */
    public long countOpen(Viewer viewer, Scope scope, java.util.Collection<String> leftOut) {
        MapSqlParameterSource params = params(viewer);
        Long n = jdbc.queryForObject(
                "select count(*) from inbox_task i where " + openWhere(scope, leftOut, viewer, params),
                params,
                Long.class);
        return n == null ? 0 : n;
    }

    private static String openWhere(
            Scope scope, java.util.Collection<String> leftOut, Viewer viewer, MapSqlParameterSource params) {
        TaskCriteria criteria =
                new TaskCriteria(scope.name(), null, null, null, null, null, null, null, null, null, null);
        String where = where(criteria, viewer, params, true, true);
        if (!leftOut.isEmpty()) {
            where += " and not (i.process_key = any(cast(:leftOut as text[])))";
            params.addValue("leftOut", leftOut.toArray(String[]::new));
        }
        return where;
    }

    public java.util.Optional<InboxTask> find(String taskId) {
        return jdbc
                .query("select * from inbox_task i where i.task_id = :id", new MapSqlParameterSource("id", taskId), ROW)
                .stream()
                .findFirst();
    }

    /** How many tasks the whole criteria (scope and status included) select. */
    public long total(TaskCriteria criteria, Viewer viewer) {
        MapSqlParameterSource params = params(viewer);
        Long n = jdbc.queryForObject(
                "select count(*) from inbox_task i where " + where(criteria, viewer, params, true, true),
                params,
                Long.class);
        return n == null ? 0 : n;
    }

    private static TaskCriteria withStatus(TaskCriteria c, String status) {
        return new TaskCriteria(
                c.scope(),
                status,
                c.useCase(),
                c.member(),
                c.dueAfter(),
                c.dueBefore(),
                c.minPriority(),
                c.text(),
                c.sort(),
                c.order(),
                c.suspended());
    }

    private static MapSqlParameterSource params(Viewer viewer) {
        return new MapSqlParameterSource()
                .addValue("user", viewer.username())
                .addValue("groups", viewer.groups().toArray(String[]::new));
    }

    private static String where(
            TaskCriteria c, Viewer viewer, MapSqlParameterSource params, boolean withScope, boolean withStatus) {
        List<String> and = new ArrayList<>();
        Status status = c.statusValue();
        if (status == Status.DONE) {
            // history: the tasks I completed (completed rows keep their last assignee)
            and.add("i.status = 'COMPLETED' and i.assignee = :user");
        } else {
            and.add("i.status = 'OPEN'");
            String offered = "i.assignee is null and (i.candidate_groups && cast(:groups as text[])"
                    + " or i.candidate_users @> array[cast(:user as text)])";
            Scope scope = withScope ? c.scopeValue() : Scope.ALL;
            and.add(
                    switch (scope) {
                        case MINE -> "i.assignee = :user";
                        case GROUPS -> "(" + offered + ")";
                        case ALL -> "(i.assignee = :user or (" + offered + "))";
                    });
            if (withStatus && status == Status.OVERDUE) {
                and.add("i.due_at < now()");
            } else if (withStatus && status == Status.FOLLOW_UP) {
                and.add("i.follow_up_at <= now()");
            }
        }
        String useCase = TaskCriteria.blankToNull(c.useCase());
        if (useCase != null) {
            and.add("i.use_case_key = :useCase");
            params.addValue("useCase", useCase);
        }
        String member = TaskCriteria.blankToNull(c.member());
        if (member != null) {
            and.add("(i.member_id = :member or i.member_name ilike :memberLike)");
            params.addValue("member", member).addValue("memberLike", like(member) + "%");
        }
        if (c.dueAfter() != null) {
            and.add("i.due_at >= :dueAfter");
            params.addValue("dueAfter", startOf(c.dueAfter()));
        }
        if (c.dueBefore() != null) {
            // the whole day of "due before" is included
            and.add("i.due_at < :dueBefore");
            params.addValue("dueBefore", startOf(c.dueBefore().plusDays(1)));
        }
        if (c.minPriority() != null) {
            and.add("i.priority >= :minPriority");
            params.addValue("minPriority", c.minPriority());
        }
        if (c.suspendedValue() != TaskCriteria.Suspended.INCLUDE) {
            and.add(c.suspendedValue() == TaskCriteria.Suspended.ONLY ? "i.suspended" : "not i.suspended");
        }
        String text = TaskCriteria.blankToNull(c.text());
        if (text != null) {
            and.add("(i.subject ilike :text or i.name ilike :text)");
            params.addValue("text", "%" + like(text) + "%");
        }
        return String.join(" and ", and);
    }

    private static String orderBy(TaskCriteria c) {
        String direction = c.ascending() ? "asc" : "desc";
        String nulls = " nulls last";
        String column = switch (c.sortValue()) {
            case CREATED -> c.statusValue() == Status.DONE ? "i.ended_at" : "i.created_at";
            case DUE -> "i.due_at";
            case PRIORITY -> "i.priority";
            case SUBJECT -> "i.subject";
            case MEMBER -> "i.member_name";
            case NAME -> "i.name";
        };
        // created_at is never null: no "nulls last", so that the index (created_at, task_id) gives this order
        if (c.sortValue() == TaskCriteria.Sort.CREATED && c.statusValue() != Status.DONE) {
            return column + " " + direction + ", i.task_id " + direction;
        }
        return column + " " + direction + nulls + ", i.task_id " + direction;
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** The person's text matched as it is: % and _ are not wildcards. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static final RowMapper<InboxTask> ROW = (rs, n) -> new InboxTask(
            rs.getString("task_id"),
            rs.getString("name"),
            rs.getString("task_key"),
            rs.getString("process_key"),
            (Long) rs.getObject("case_id", Long.class),
            rs.getString("use_case_key"),
            rs.getString("member_id"),
            rs.getString("member_name"),
            rs.getString("subject"),
            rs.getString("entity_code"),
            strings(rs, "candidate_groups"),
            strings(rs, "candidate_users"),
            rs.getString("assignee"),
            rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("due_at", OffsetDateTime.class),
            rs.getObject("follow_up_at", OffsetDateTime.class),
            rs.getInt("priority"),
            rs.getString("status"),
            rs.getObject("ended_at", OffsetDateTime.class),
            rs.getBoolean("suspended"));

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
