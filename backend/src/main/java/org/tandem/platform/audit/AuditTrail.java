package org.tandem.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and verifies the audit chains. An append joins the caller's transaction, so an
 * action and its audit entry are committed together or not at all.
 */
@Service
public class AuditTrail {

    private final AuditRepository repository;
    private final ObjectMapper json;

    AuditTrail(AuditRepository repository) {
        this.repository = repository;
        // sorted keys: the details text is stable whatever map the caller built
        this.json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(long caseId, String actor, AuditType type, Map<String, ?> details) {
        repository.lockCase(caseId);
        var last = repository.last(caseId);
        int seq = last.map(e -> e.seq() + 1).orElse(1);
        String prevHash = last.map(AuditEvent::hash).orElse(AuditHash.GENESIS);
        // microseconds: what PostgreSQL stores, so the hash can be recomputed from the row
        Instant at = org.tandem.platform.time.EngineClock.now().toInstant();
        String text = toJson(details);
        String hash = AuditHash.of(caseId, seq, at, actor, type.name(), text, prevHash);
        repository.insert(caseId, seq, at.atOffset(ZoneOffset.UTC), actor, type.name(), text, prevHash, hash);
    }

    public List<AuditEvent> chain(long caseId) {
        return repository.chain(caseId);
    }

    /** Recomputes every hash of the case's chain; the first broken link says where. */
    public Verification verify(long caseId) {
        List<AuditEvent> events = repository.chain(caseId);
        String prev = AuditHash.GENESIS;
        int expectedSeq = 1;
        for (AuditEvent e : events) {
            String recomputed = AuditHash.of(
                    e.caseId(), e.seq(), e.occurredAt().toInstant(), e.actor(), e.type(), e.details(), e.prevHash());
            if (e.seq() != expectedSeq || !e.prevHash().equals(prev) || !recomputed.equals(e.hash())) {
                return new Verification(caseId, events.size(), false, e.seq());
            }
            prev = e.hash();
            expectedSeq++;
        }
        return new Verification(caseId, events.size(), true, null);
    }

    public Summary verifyAll() {
        List<Verification> broken = new ArrayList<>();
        int entries = 0;
        List<Long> cases = repository.caseIds();
        for (long caseId : cases) {
            Verification v = verify(caseId);
            entries += v.entries();
            if (!v.valid()) {
                broken.add(v);
            }
        }
        return new Summary(cases.size(), entries, broken);
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be JSON-serialisable", e);
        }
    }

    /** @param firstBrokenSeq the first entry whose hash or link does not verify; null when valid */
    public record Verification(long caseId, int entries, boolean valid, Integer firstBrokenSeq) {}

    @Schema(name = "AuditSummary")
    public record Summary(int cases, int entries, List<Verification> broken) {
        public boolean valid() {
            return broken.isEmpty();
        }
    }
}
