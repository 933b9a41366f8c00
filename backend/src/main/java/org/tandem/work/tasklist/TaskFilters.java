package org.tandem.work.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;
import org.tandem.work.inbox.InboxSearch;
import org.tandem.work.inbox.TaskCriteria;

/** Saved filters of the task list, shared with one group: only its members see and use them. */
@Service
class TaskFilters {

    static final int MAX_PER_GROUP = 50;

    /** @param count the tasks it selects for the caller now; only when asked (GET ?counts=true) */
    record SavedFilter(
            long id,
            String name,
            String groupId,
            String owner,
            TaskCriteria criteria,
            OffsetDateTime createdAt,
            boolean mine,
            Long count) {

        SavedFilter counted(long n) {
            return new SavedFilter(id, name, groupId, owner, criteria, createdAt, mine, n);
        }
    }

    record NewFilter(String name, String groupId, TaskCriteria criteria) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final InboxSearch search;

    TaskFilters(JdbcClient jdbc, ObjectMapper json, InboxSearch search) {
        this.search = search;
        this.jdbc = jdbc;
        this.json = json;
    }

    List<SavedFilter> visibleTo(CurrentUser user) {
        if (user.groups().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from task_filter where group_id in (:groups) order by group_id, name")
                .param("groups", user.groups())
                .query((rs, n) -> new SavedFilter(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("group_id"),
                        rs.getString("owner"),
                        read(rs.getString("criteria")),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("owner").equals(user.username()),
                        null))
                .list();
    }

    /**
     * The filters with how many tasks each selects for the caller, as Camunda's Tasklist shows: one
     * count over the read model per filter (at most {@value #MAX_PER_GROUP} per group), the same
     * query as the list's.
     */
    List<SavedFilter> visibleWithCounts(CurrentUser user) {
        InboxSearch.Viewer viewer = TaskListController.viewer(user);
        return visibleTo(user).stream()
                .map(f -> f.counted(search.total(f.criteria(), viewer)))
                .toList();
    }

    SavedFilter save(NewFilter filter, CurrentUser user) {
        String name = filter.name() == null ? "" : filter.name().trim();
        if (name.isEmpty()) {
            throw ApiException.invalidField("name", "Donnez un nom au filtre.");
        }
        if (name.length() > 80) {
            throw ApiException.invalidField("name", "Le nom du filtre ne doit pas dépasser 80 caractères.");
        }
        if (filter.groupId() == null || !user.inGroup(filter.groupId())) {
            throw ApiException.invalidField(
                    "groupId", "Vous ne pouvez partager un filtre qu'avec l'un de vos groupes.");
        }
        TaskCriteria criteria =
                TaskListRequest.check(filter.criteria() == null ? TaskCriteria.DEFAULT : filter.criteria());
        Integer count = jdbc.sql("select count(*) from task_filter where group_id = ?")
                .param(filter.groupId())
                .query(Integer.class)
                .single();
        if (count >= MAX_PER_GROUP) {
            throw ApiException.conflict("Ce groupe a déjà " + MAX_PER_GROUP + " filtres : supprimez-en un d'abord.");
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into task_filter (owner, group_id, name, criteria) values (?, ?, ?, ?)")
                    .params(user.username(), filter.groupId(), name, write(criteria))
                    .update(keys, "id", "created_at");
        } catch (DuplicateKeyException e) {
            throw ApiException.invalidField("name", "Ce groupe a déjà un filtre nommé « " + name + " ».");
        }
        long id = ((Number) keys.getKeys().get("id")).longValue();
        return visibleTo(user).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    /** Its author, or any member of the group it is shared with, may delete it. */
    void delete(long id, CurrentUser user) {
        var filter = visibleTo(user).stream()
                .filter(f -> f.id() == id)
                .findFirst()
                .orElseThrow(
                        () -> ApiException.notFound("Ce filtre n'existe pas ou n'est pas partagé avec vos groupes."));
        jdbc.sql("delete from task_filter where id = ?").param(filter.id()).update();
    }

    private TaskCriteria read(String text) {
        try {
            return json.readValue(text, TaskCriteria.class);
        } catch (JsonProcessingException e) {
            return TaskCriteria.DEFAULT;
        }
    }

    private String write(TaskCriteria criteria) {
        try {
            return json.writeValueAsString(criteria);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
