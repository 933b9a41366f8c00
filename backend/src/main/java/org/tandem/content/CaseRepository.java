package org.tandem.content;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;
import org.tandem.platform.time.EngineClock;

@Repository
public class CaseRepository {

    /** How many cases' use cases are remembered: the cases people are working on, not the whole history. */
    static final int USE_CASES_KEPT = 10_000;

    private final JdbcClient jdbc;
    /**
     * A case's use case never changes: the steps that only need it (a task's rules, its reading floor) read it
     * here rather than the whole row again, four times per content case (issue 18). Least recently used first out.
     */
    private final Map<Long, String> useCaseKeys = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > USE_CASES_KEPT;
        }
    });

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String useCaseKey,
            String promptVersion,
            String memberId,
            String subject,
            String message,
            String requestedBy,
            OffsetDateTime now,
            OffsetDateTime dueAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into content_case (use_case_key, prompt_version, member_id, subject, message, status, requested_by,
                                                  created_at, updated_at, due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        useCaseKey,
                        promptVersion,
                        memberId,
                        subject,
                        message,
                        CaseStatus.DRAFTING.name(),
                        requestedBy,
                        now,
                        now,
                        dueAt)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        useCaseKeys.put(id, useCaseKey);
        return id;
    }

    /** The adviser chose « sans IA »: the case skips the AI step and is counted apart. */
    void markWithoutAi(long id, String reason) {
        jdbc.sql("update content_case set without_ai = true, without_ai_reason = ? where id = ?")
                .params(reason, id)
                .update();
    }

    /** Links the case to its process instance; returns the case as it now stands (no read after the write). */
    ContentCase attachProcess(long id, String processInstanceId) {
        ContentCase attached = jdbc.sql("update content_case set process_instance_id = ? where id = ? returning *")
                .params(processInstanceId, id)
                .query(Rows.of(ContentCase.class))
                .single();
        useCaseKeys.put(attached.id(), attached.useCaseKey());
        return attached;
    }

    public Optional<ContentCase> findById(long id) {
        Optional<ContentCase> found = jdbc.sql("select * from content_case where id = ?")
                .param(id)
                .query(Rows.of(ContentCase.class))
                .optional();
        found.ifPresent(c -> useCaseKeys.put(c.id(), c.useCaseKey()));
        return found;
    }

    /** The case's use case key; empty for a case that does not exist. */
    public Optional<String> useCaseKeyOf(long id) {
        String known = useCaseKeys.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> key = jdbc.sql("select use_case_key from content_case where id = ?")
                .param(id)
                .query(String.class)
                .optional();
        key.ifPresent(k -> useCaseKeys.put(id, k));
        return key;
    }

    public List<ContentCase> findByRequester(String username, int limit) {
        return jdbc.sql("select * from content_case where requested_by = ? order by created_at desc, id desc limit ?")
                .params(username, limit)
                .query(Rows.of(ContentCase.class))
                .list();
    }

    public List<ContentCase> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from content_case where id in (:ids)")
                .param("ids", ids)
                .query(Rows.of(ContentCase.class))
                .list();
    }

    public void updateStatus(long id, CaseStatus status) {
        jdbc.sql("update content_case set status = ?, updated_at = now() where id = ?")
                .params(status.name(), id)
                .update();
    }

    public void recordFailure(long id, CaseStatus status, String reason) {
        jdbc.sql("update content_case set status = ?, failure_reason = ?, updated_at = now() where id = ?")
                .params(status.name(), reason, id)
                .update();
    }

    public void recordApproval(long id, String finalText, String approvedBy, double aiShare) {
        jdbc.sql("""
                        update content_case set final_text = ?, approved_by = ?, approved_at = ?, ai_share = ?,
                               status = ?, updated_at = now()
                        where id = ?""")
                .params(finalText, approvedBy, EngineClock.now(), aiShare, CaseStatus.APPROVED.name(), id)
                .update();
    }
}
