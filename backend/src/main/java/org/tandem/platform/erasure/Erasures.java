package org.tandem.platform.erasure;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.time.EngineClock;

/**
 * Erases personal data across Tandem in one transaction: every registered {@link ErasureContributor}
 * erases its rows for the cases concerned, the audit trail loses the personal content of their
 * entries (their hashes keep verifying) and gains an {@code ERASED} entry, and the erasure is recorded.
 */
@Service
public class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    /** At most this many cases per run of the retention job; the next run takes the rest. */
    static final int RETENTION_BATCH = 500;

    private final List<ErasureContributor> contributors;
    private final ErasableCases cases;
    private final ErasureRepository records;
    private final AuditTrail audit;

    Erasures(List<ErasureContributor> contributors, ErasableCases cases, ErasureRepository records, AuditTrail audit) {
        this.contributors = contributors.stream()
                .sorted(Comparator.comparingInt(ErasureContributor::order).thenComparing(ErasureContributor::name))
                .toList();
        this.cases = cases;
        this.records = records;
        this.audit = audit;
    }

    /** Whether any module keeps something about the member. */
    public boolean knows(String memberId) {
        return contributors.stream().anyMatch(c -> c.knowsMember(memberId));
    }

    /** What an erasure of the member would touch, before the data protection officer confirms. */
    public Preview preview(String memberId) {
        return new Preview(
                memberId,
                cases.casesOf(memberId).size(),
                cases.openCasesOf(memberId).size(),
                KeptByLaw.ITEMS);
    }

    /** The member's personal data, everywhere in Tandem, on their request (GDPR art. 17). */
    @Transactional
    public Erasure eraseMember(String memberId, String reason, String officer) {
        Set<Long> ids = new TreeSet<>(cases.casesOf(memberId));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ErasureContributor c : contributors) {
            counts.merge(c.name(), c.eraseCases(ids) + c.eraseMember(memberId), Integer::sum);
        }
        return record(Erasure.Kind.REQUEST, memberId, reason, officer, ids, counts);
    }

    /** The closed cases past their use case's retention period (the daily job). Empty when none is due. */
    @Transactional
    public Optional<Erasure> eraseDue() {
        OffsetDateTime now = EngineClock.now();
        Set<Long> ids = new TreeSet<>(cases.dueForErasure(now, RETENTION_BATCH));
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ErasureContributor c : contributors) {
            counts.merge(c.name(), c.eraseCases(ids), Integer::sum);
        }
        return Optional.of(record(
                Erasure.Kind.RETENTION,
                null,
                "Durée de conservation échue (retention du cas d'usage)",
                "system",
                ids,
                counts));
    }

    public List<Erasure> latest(int limit) {
        return records.latest(limit);
    }

    private Erasure record(
            Erasure.Kind kind, String memberId, String reason, String by, Set<Long> ids, Map<String, Integer> counts) {
        counts.put("audit trail", audit.erasePersonal(ids));
        OffsetDateTime at = EngineClock.now();
        long id = records.insert(kind, memberId, reason, by, at, ids, counts);
        for (long caseId : ids) {
            audit.append(caseId, by, AuditType.ERASED, Map.of("erasure", id, "kind", kind.name()));
        }
        // counts only: never a member's number or a value
        log.info("Erasure {} ({}): {} case(s), {}", id, kind, ids.size(), counts);
        return new Erasure(id, kind, memberId, reason, by, at, List.copyOf(ids), counts);
    }

    /** What an erasure of the member would touch, and what the law keeps. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ErasurePreview")
    public record Preview(String memberId, int cases, int openCases, List<KeptByLaw.Item> kept) {}
}
