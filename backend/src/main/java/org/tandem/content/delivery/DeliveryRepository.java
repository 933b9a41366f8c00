package org.tandem.content.delivery;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;
import org.tandem.platform.time.EngineClock;

@Repository
class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** (case, kind) is the idempotency key: a retried disclosure never opens a second delivery. */
    boolean insertOnce(
            long caseId,
            String kind,
            Channel channel,
            Delivery.Status status,
            Delivery.RecipientKind recipient,
            String messageId,
            byte[] document,
            String documentSha256) {
        return jdbc.sql("""
                        insert into delivery (case_id, kind, channel, status, recipient_kind, message_id, document,
                                              document_sha256, sent_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id, kind) do nothing""")
                        .params(
                                caseId,
                                kind,
                                channel.key(),
                                status.name(),
                                recipient.name(),
                                messageId,
                                document,
                                documentSha256,
                                status == Delivery.Status.SENT ? EngineClock.now() : null,
                                EngineClock.now())
                        .update()
                == 1;
    }

    Optional<Delivery> find(long caseId, String kind) {
        return jdbc.sql("select * from delivery where case_id = ? and kind = ?")
                .params(caseId, kind)
                .query(Rows.of(Delivery.class))
                .optional();
    }

    /** The latest delivery of the case (an adviser's answer comes after the chatbot's). */
    Optional<Delivery> latest(long caseId) {
        return jdbc.sql("select * from delivery where case_id = ? order by created_at desc, id desc limit 1")
                .param(caseId)
                .query(Rows.of(Delivery.class))
                .optional();
    }

    Optional<Delivery> findByDocumentHash(String sha256) {
        return jdbc.sql("select * from delivery where document_sha256 = ? order by id desc limit 1")
                .param(sha256)
                .query(Rows.of(Delivery.class))
                .optional();
    }

    /** Marks it sent, once: false when it already was (a second attempt after a crash found it done). */
    boolean markSent(long id) {
        return jdbc.sql("""
                        update delivery set status = 'SENT', sent_at = ?, attempts = attempts + 1,
                               last_attempt_at = ?, last_error = null
                        where id = ? and status <> 'SENT'""").params(EngineClock.now(), EngineClock.now(), id).update() == 1;
    }

    void recordFailure(long id, String error) {
        jdbc.sql("""
                        update delivery set attempts = attempts + 1, last_attempt_at = ?, last_error = ?
                        where id = ? and status <> 'SENT'""").params(EngineClock.now(), error, id).update();
    }

    /** A delivery still « à envoyer » and the process instance of its case. */
    record Waiting(Delivery delivery, String processInstanceId) {}

    /** Deliveries still « à envoyer » a while after they were opened, oldest first. */
    java.util.List<Waiting> waitingSince(java.time.Duration olderThan) {
        return jdbc
                .sql("select * from delivery where status = 'TO_SEND' and created_at < ? order by id limit 50")
                .param(EngineClock.now().minus(olderThan))
                .query(Rows.of(Delivery.class))
                .list()
                .stream()
                .map(d -> new Waiting(
                        d,
                        jdbc.sql("select process_instance_id from content_case where id = ?")
                                .param(d.caseId())
                                .query(String.class)
                                .optional()
                                .orElse(null)))
                .toList();
    }

    /** Whether this transaction now holds the delivery's sending (one node at a time sends an orphan). */
    boolean trySendingLock(long id) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(7264, cast(? as int))")
                .param(id % Integer.MAX_VALUE)
                .query(Boolean.class)
                .single());
    }

    long countToSend() {
        return jdbc.sql("select count(*) from delivery where status <> 'SENT'")
                .query(Long.class)
                .single();
    }
}
