package org.tandem.content.metrics;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;

@Repository
public class CaseMetricsRepository {

    private final JdbcClient jdbc;

    CaseMetricsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(CaseMetrics m) {
        jdbc.sql("""
                        insert into case_metrics (case_id, time_to_first_draft_ms, time_to_approval_ms, regenerations,
                            edit_ratio_chars, edit_ratio_words, ai_share, accepted_without_edit, rejected, hand_drafted)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (case_id) do update set time_to_first_draft_ms = excluded.time_to_first_draft_ms,
                            time_to_approval_ms = excluded.time_to_approval_ms, regenerations = excluded.regenerations,
                            edit_ratio_chars = excluded.edit_ratio_chars, edit_ratio_words = excluded.edit_ratio_words,
                            ai_share = excluded.ai_share, accepted_without_edit = excluded.accepted_without_edit,
                            rejected = excluded.rejected, hand_drafted = excluded.hand_drafted, computed_at = now()""")
                .params(
                        m.caseId(),
                        m.timeToFirstDraftMs(),
                        m.timeToApprovalMs(),
                        m.regenerations(),
                        m.editRatioChars(),
                        m.editRatioWords(),
                        m.aiShare(),
                        m.acceptedWithoutEdit(),
                        m.rejected(),
                        m.handDrafted())
                .update();
    }

    public Optional<CaseMetrics> find(long caseId) {
        return jdbc.sql("select * from case_metrics where case_id = ?")
                .param(caseId)
                .query(Rows.of(CaseMetrics.class))
                .optional();
    }
}
