package org.tandem.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.annotations.media.Schema;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and verifies the audit chains. An append joins the caller's transaction, so an
 * action and its audit entry are committed together or not at all.
 *
 * <p>What concerns a person (the member's message, a text, a reason) is passed apart as the
 * entry's personal content: it is stored next to the details with a random nonce, and the chain
 * hashes its digest rather than the clear text. {@link #erasePersonal} can then erase it while every
 * hash still verifies (issue 16).
 */
@Service
public class AuditTrail {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuditRepository repository;
    private final ObjectMapper json;

    AuditTrail(AuditRepository repository) {
        this.repository = repository;
        // sorted keys: the details text is stable whatever map the caller built
        this.json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** An entry with nothing personal in it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(long caseId, String actor, AuditType type, Map<String, ?> details) {
        append(caseId, actor, type, details, Map.of());
    }

    /**
     * An entry whose {@code personal} part (texts, reasons, the member's number) can be erased later
     * without breaking the chain.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(long caseId, String actor, AuditType type, Map<String, ?> details, Map<String, ?> personal) {
        var last = repository.lockAndLast(caseId);
        int seq = last.map(e -> e.seq() + 1).orElse(1);
        String prevHash = last.map(AuditEvent::hash).orElse(AuditHash.GENESIS);
        // microseconds: what PostgreSQL stores, so the hash can be recomputed from the row
        Instant at = org.tandem.platform.time.EngineClock.now().toInstant();
        String text = toJson(details);
        String personalText = null;
        String personalSha256 = null;
        if (!personal.isEmpty()) {
            Map<String, Object> withNonce = new LinkedHashMap<>(personal);
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            withNonce.put("nonce", HexFormat.of().formatHex(nonce));
            personalText = toJson(withNonce);
            personalSha256 = AuditHash.sha256(personalText);
        }
        String hash = AuditHash.of(caseId, seq, at, actor, type.name(), text, personalSha256, prevHash);
        repository.insert(
                caseId,
                seq,
                at.atOffset(ZoneOffset.UTC),
                actor,
                type.name(),
                text,
                personalText,
                personalSha256,
                prevHash,
                hash);
    }

    /** Erases the personal content of every entry of these cases; the chains keep verifying. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int erasePersonal(Collection<Long> caseIds) {
        return repository.erasePersonal(
                caseIds, org.tandem.platform.time.EngineClock.now().toInstant().atOffset(ZoneOffset.UTC));
    }

    public List<AuditEvent> chain(long caseId) {
        return repository.chain(caseId);
    }

    /**
     * Recomputes every hash of the case's chain; the first broken link says where. An entry whose
     * personal content is present must match its digest; an erased one is verified through the
     * digest it kept. An erased entry of the first version (clear text hashed) is checked by its links.
     */
    public Verification verify(long caseId) {
        List<AuditEvent> events = repository.chain(caseId);
        String prev = AuditHash.GENESIS;
        int expectedSeq = 1;
        int erased = 0;
        for (AuditEvent e : events) {
            boolean valid = e.seq() == expectedSeq && e.prevHash().equals(prev);
            if (e.erasedAt() != null) {
                erased++;
            }
            if (e.hashVersion() == 1) {
                valid &= e.erasedAt() != null
                        || AuditHash.of(
                                        e.caseId(),
                                        e.seq(),
                                        e.occurredAt().toInstant(),
                                        e.actor(),
                                        e.type(),
                                        e.details(),
                                        e.prevHash())
                                .equals(e.hash());
            } else {
                valid &= e.personal() == null
                        ? e.personalSha256() == null || e.erasedAt() != null
                        : AuditHash.sha256(e.personal()).equals(e.personalSha256());
                valid &= AuditHash.of(
                                e.caseId(),
                                e.seq(),
                                e.occurredAt().toInstant(),
                                e.actor(),
                                e.type(),
                                e.details(),
                                e.personalSha256(),
                                e.prevHash())
                        .equals(e.hash());
            }
            if (!valid) {
                return new Verification(caseId, events.size(), false, e.seq(), erased);
            }
            prev = e.hash();
            expectedSeq++;
        }
        return new Verification(caseId, events.size(), true, null, erased);
    }

    public Summary verifyAll() {
        List<Verification> broken = new ArrayList<>();
        int entries = 0;
        int erased = 0;
        List<Long> cases = repository.caseIds();
        for (long caseId : cases) {
            Verification v = verify(caseId);
            entries += v.entries();
            erased += v.erasedEntries();
            if (!v.valid()) {
                broken.add(v);
            }
        }
        return new Summary(cases.size(), entries, erased, broken);
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be JSON-serialisable", e);
        }
    }

    /**
     * @param firstBrokenSeq the first entry whose hash or link does not verify; null when valid
     * @param erasedEntries  entries whose personal content was erased (they verify all the same)
     */
    public record Verification(long caseId, int entries, boolean valid, Integer firstBrokenSeq, int erasedEntries) {}

    @Schema(name = "AuditSummary")
    public record Summary(int cases, int entries, int erasedEntries, List<Verification> broken) {
        public boolean valid() {
            return broken.isEmpty();
        }
    }
}
