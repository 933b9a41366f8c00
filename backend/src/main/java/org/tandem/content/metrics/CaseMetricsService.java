package org.tandem.content.metrics;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tandem.content.CaseRepository;
import org.tandem.content.ContentCase;
import org.tandem.content.Draft;
import org.tandem.content.DraftRepository;
import org.tandem.content.review.AiShare;
import org.tandem.content.review.EditMeasure;

/** Computes and stores a case's measures when it is approved or rejected. */
@Service
public class CaseMetricsService {

    private final CaseRepository cases;
    private final DraftRepository drafts;
    private final CaseMetricsRepository repository;

    CaseMetricsService(CaseRepository cases, DraftRepository drafts, CaseMetricsRepository repository) {
        this.cases = cases;
        this.drafts = drafts;
        this.repository = repository;
    }

    /**
     * @param finalText the approved text, or null when the case was rejected
     * @param regenerations how many times the AI was asked again
     */
    public CaseMetrics record(long caseId, String finalText, int regenerations, OffsetDateTime decidedAt) {
        return record(cases.findById(caseId).orElseThrow(), drafts.latest(caseId), finalText, regenerations, decidedAt);
    }

    /**
     * The same from the case and its latest draft the caller has read already in this transaction (the approval
     * reads both): two reads fewer.
     */
    public CaseMetrics record(
            ContentCase c, Optional<Draft> latest, String finalText, int regenerations, OffsetDateTime decidedAt) {
        long caseId = c.id();
        var firstDraft = drafts.first(caseId);
        boolean handDrafted =
                latest.map(d -> d.producer() == Draft.Producer.HUMAN).orElse(false);
        // the edits are measured against the AI step's draft the final text descends from (none for a
        // hand-written text); the AI share only against a model's: the offline drafter's template is people's text
        var stepDraft = latest.filter(d -> d.producer().fromAiStep());
        boolean rejected = finalText == null;
        Double chars = null;
        Double words = null;
        Double share = null;
        if (!rejected && stepDraft.isPresent()) {
            chars = EditMeasure.characters(stepDraft.get().text(), finalText);
            words = EditMeasure.words(stepDraft.get().text(), finalText);
            share = stepDraft.get().producer().isAi()
                    ? AiShare.of(stepDraft.get().text(), finalText)
                    : 0.0;
        } else if (!rejected) {
            share = 0.0;
        }
        boolean acceptedWithoutEdit = !rejected
                && !handDrafted
                && stepDraft.map(d -> d.text().equals(finalText)).orElse(false);
        CaseMetrics metrics = new CaseMetrics(
                caseId,
                firstDraft
                        .map(d -> Duration.between(c.createdAt(), d.createdAt()).toMillis())
                        .orElse(null),
                rejected ? null : Duration.between(c.createdAt(), decidedAt).toMillis(),
                regenerations,
                chars,
                words,
                share,
                acceptedWithoutEdit,
                rejected,
                handDrafted);
        repository.save(metrics);
        return metrics;
    }
}
