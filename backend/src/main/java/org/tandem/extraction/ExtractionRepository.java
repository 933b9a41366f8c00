package org.tandem.extraction;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;

@Repository
class ExtractionRepository {

    private final JdbcClient jdbc;

    ExtractionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ExtractionField> fields(long caseId) {
        return jdbc.sql("select * from extraction_field where case_id = ? order by position")
                .param(caseId)
                .query(Rows.of(ExtractionField.class))
                .list();
    }

    /** A field the AI proposed; a re-delivered task only refreshes fields nobody decided yet. */
    void propose(
            long caseId,
            String name,
            String label,
            String type,
            String aiValue,
            Integer start,
            Integer end,
            int position) {
        jdbc.sql("""
                        insert into extraction_field (case_id, name, label, field_type, ai_value, source_start,
                                                      source_end, position)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (case_id, name) do update set ai_value = excluded.ai_value,
                            source_start = excluded.source_start, source_end = excluded.source_end
                        where extraction_field.status = 'PENDING'""")
                .params(caseId, name, label, type, aiValue, start, end, position)
                .update();
    }

    /** An empty field for hand entry (the AI failed); keeps what already exists. */
    void prepareEmpty(long caseId, String name, String label, String type, int position) {
        jdbc.sql("""
                        insert into extraction_field (case_id, name, label, field_type, position)
                        values (?, ?, ?, ?, ?) on conflict (case_id, name) do nothing""").params(caseId, name, label, type, position).update();
    }

    void decide(long caseId, String name, String value, ExtractionField.Status status, String by) {
        jdbc.sql("""
                        update extraction_field set value = ?, status = ?, verified_by = ?, verified_at = now()
                        where case_id = ? and name = ?""").params(value, status.name(), by, caseId, name).update();
    }

    /** Copies the verified and corrected values; a retried job adds nothing twice. */
    int record(long caseId) {
        return jdbc.sql("""
                        insert into extracted_record (case_id, name, value, verified_by)
                        select case_id, name, value, verified_by from extraction_field
                        where case_id = ? and status in ('VERIFIED', 'CORRECTED') and value is not null
                        on conflict (case_id, name) do nothing""").param(caseId).update();
    }

    Map<String, String> recorded(long caseId) {
        var out = new java.util.LinkedHashMap<String, String>();
        jdbc.sql("select name, value from extracted_record where case_id = ? order by name")
                .param(caseId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
