package org.tandem.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the case's advisory lock, which serialises its appends for the rest of the transaction, and
     * reads its last entry after the lock is held: one round trip (V107's function) instead of two.
     */
    Optional<AuditEvent> lockAndLast(long caseId) {
        return jdbc.sql("select * from audit_lock_last(?)")
                .param(caseId)
                .query(Rows.of(AuditEvent.class))
                .optional();
    }

    void insert(
            long caseId,
            int seq,
            OffsetDateTime occurredAt,
            String actor,
            String type,
            String details,
            String personal,
            String personalSha256,
            String prevHash,
            String hash) {
        jdbc.sql("""
                        insert into audit_event (case_id, seq, occurred_at, actor, type, details, personal,
                                                 personal_sha256, hash_version, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 2, ?, ?)""")
                .params(caseId, seq, occurredAt, actor, type, details, personal, personalSha256, prevHash, hash)
                .update();
    }

    /**
     * Erases the personal content of every entry of these cases (the only update the trigger allows):
     * version 2 entries lose {@code personal}, version 1 entries their whole details. Returns the count.
     */
    int erasePersonal(java.util.Collection<Long> caseIds, OffsetDateTime at) {
        if (caseIds.isEmpty()) {
            return 0;
        }
        Long[] ids = caseIds.toArray(Long[]::new);
        int v2 = jdbc.sql("""
                        update audit_event set personal = null, erased_at = ?
                        where case_id = any(?) and hash_version = 2 and personal is not null and erased_at is null""").params(at, ids).update();
        int v1 = jdbc.sql("""
                        update audit_event set details = '{"erased":true}', erased_at = ?
                        where case_id = any(?) and hash_version = 1 and erased_at is null""").params(at, ids).update();
        return v1 + v2;
    }

    List<AuditEvent> chain(long caseId) {
        return jdbc.sql("select * from audit_event where case_id = ? order by seq")
                .param(caseId)
                .query(Rows.of(AuditEvent.class))
                .list();
    }

    List<Long> caseIds() {
        return jdbc.sql("select distinct case_id from audit_event order by case_id")
                .query(Long.class)
                .list();
    }
}
