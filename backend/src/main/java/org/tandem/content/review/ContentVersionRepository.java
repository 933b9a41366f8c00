package org.tandem.content.review;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;
import org.tandem.platform.time.EngineClock;

@Repository
public class ContentVersionRepository {

    private final JdbcClient jdbc;

    ContentVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the next version of the case (numbers are per case, in order; the row lock keeps them unique). */
    ContentVersion append(long caseId, long draftId, String text, String author, String taskId, double aiShare) {
        jdbc.sql("select id from content_case where id = ? for update")
                .param(caseId)
                .query(Long.class)
                .single();
        int next = jdbc.sql("select coalesce(max(version_no), 0) + 1 from content_version where case_id = ?")
                .param(caseId)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into content_version (case_id, version_no, draft_id, text, author, task_id, ai_share,
                                                     created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, next, draftId, text, author, taskId, aiShare, EngineClock.now())
                .update();
        return jdbc.sql("select * from content_version where case_id = ? and version_no = ?")
                .params(caseId, next)
                .query(Rows.of(ContentVersion.class))
                .single();
    }

    public Optional<ContentVersion> latestFor(long caseId, long draftId) {
        return jdbc.sql(
                        "select * from content_version where case_id = ? and draft_id = ? order by version_no desc limit 1")
                .params(caseId, draftId)
                .query(Rows.of(ContentVersion.class))
                .optional();
    }

    public List<ContentVersion> all(long caseId) {
        return jdbc.sql("select * from content_version where case_id = ? order by version_no")
                .param(caseId)
                .query(Rows.of(ContentVersion.class))
                .list();
    }

    boolean editedBy(long caseId, long draftId, String author) {
        return jdbc.sql("select count(*) from content_version where case_id = ? and draft_id = ? and author = ?")
                        .params(caseId, draftId, author)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
