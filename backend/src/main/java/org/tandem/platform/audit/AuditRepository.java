package org.tandem.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the appends of one case for the rest of the transaction. */
    void lockCase(long caseId) {
        jdbc.sql("select pg_advisory_xact_lock(7263, cast(? as int))")
                .param(caseId % Integer.MAX_VALUE)
                .query()
                .singleRow();
    }

    Optional<AuditEvent> last(long caseId) {
        return jdbc.sql("select * from audit_event where case_id = ? order by seq desc limit 1")
                .param(caseId)
                .query(AuditEvent.class)
                .optional();
    }

    void insert(
            long caseId,
            int seq,
            OffsetDateTime occurredAt,
            String actor,
            String type,
            String details,
            String prevHash,
            String hash) {
        jdbc.sql("""
                        insert into audit_event (case_id, seq, occurred_at, actor, type, details, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, seq, occurredAt, actor, type, details, prevHash, hash)
                .update();
    }

    List<AuditEvent> chain(long caseId) {
        return jdbc.sql("select * from audit_event where case_id = ? order by seq")
                .param(caseId)
                .query(AuditEvent.class)
                .list();
    }

    List<Long> caseIds() {
        return jdbc.sql("select distinct case_id from audit_event order by case_id")
                .query(Long.class)
                .list();
    }
}
