package org.tandem.content.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.content.review.AiShare;
import org.tandem.content.review.EditMeasure;
import org.tandem.support.SeededCases;
import org.tandem.support.TandemIntegrationTest;

/** A case's measures from its stored drafts and dates, as an experiment's KPIs read them back. */
@TandemIntegrationTest
class CaseMetricsServiceIT {

    static final String AI_DRAFT =
            "Madame, nous avons bien reçu votre demande et nous vous répondrons sous huit jours.";

    /** Requested an hour ago, to the millisecond PostgreSQL keeps. */
    static final OffsetDateTime T0 = OffsetDateTime.now().minusHours(1).truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    CaseMetricsService service;

    @Autowired
    CaseMetricsRepository repository;

    @Autowired
    JdbcClient jdbc;

    final List<Long> cases = new ArrayList<>();

    @AfterEach
    void removeSeededRows() {
        cases.forEach(id -> SeededCases.remove(jdbc, id));
    }

    private long seed() {
        long id = SeededCases.insertCase(jdbc, "reply-letter", "M-1001", "alice", "Mesures", T0);
        cases.add(id);
        return id;
    }

    private void draft(long caseId, String producer, String text, long secondsAfterRequest) {
        SeededCases.insertDraft(
                jdbc, caseId, producer, producer.toLowerCase(), text, T0.plusSeconds(secondsAfterRequest));
    }

    @Test
    void anEditedDraftIsMeasuredAgainstTheLatestAiDraft() {
        long id = seed();
        draft(id, "OFFLINE", "Premier brouillon, renvoyé à l'IA.", 5);
        draft(id, "MODEL", AI_DRAFT, 20);
        String approved = AI_DRAFT.replace("sous huit jours", "dès demain");

        CaseMetrics m = service.record(id, approved, 1, T0.plusSeconds(90));

        assertThat(m.caseId()).isEqualTo(id);
        assertThat(m.timeToFirstDraftMs())
                .as("from the request to the first draft")
                .isEqualTo(5_000);
        assertThat(m.timeToApprovalMs()).isEqualTo(90_000);
        assertThat(m.regenerations()).isEqualTo(1);
        assertThat(m.editRatioChars()).isEqualTo(EditMeasure.characters(AI_DRAFT, approved));
        assertThat(m.editRatioWords()).isEqualTo(EditMeasure.words(AI_DRAFT, approved));
        assertThat(m.editRatioWords()).isEqualTo(3 / 16.0);
        assertThat(m.aiShare()).isEqualTo(AiShare.of(AI_DRAFT, approved));
        assertThat(m.acceptedWithoutEdit()).isFalse();
        assertThat(m.rejected()).isFalse();
        assertThat(m.handDrafted()).isFalse();
        assertThat(repository.find(id)).contains(m);
    }

    @Test
    void anOfflineDraftIsMeasuredForItsEditsButItsTextIsNotAi() {
        long id = seed();
        draft(id, "OFFLINE", AI_DRAFT, 3);
        String approved = AI_DRAFT.replace("sous huit jours", "dès demain");
        CaseMetrics m = service.record(id, approved, 0, T0.plusSeconds(30));
        assertThat(m.editRatioWords())
                .as("the template's edits are measured")
                .isEqualTo(EditMeasure.words(AI_DRAFT, approved));
        assertThat(m.aiShare())
                .as("the offline drafter's template is people's text: no model wrote a word of it")
                .isZero();
        assertThat(m.handDrafted()).isFalse();
    }

    @Test
    void anUntouchedDraftIsAcceptedWithoutEdit() {
        long id = seed();
        draft(id, "MODEL", AI_DRAFT, 3);
        CaseMetrics m = service.record(id, AI_DRAFT, 0, T0.plusSeconds(30));
        assertThat(m.acceptedWithoutEdit()).isTrue();
        assertThat(m.editRatioChars()).isZero();
        assertThat(m.editRatioWords()).isZero();
        assertThat(m.aiShare()).isEqualTo(1.0);
    }

    @Test
    void aRejectedCaseHasATimeToFirstDraftButNoApprovalNorRatios() {
        long id = seed();
        draft(id, "OFFLINE", AI_DRAFT, 7);
        CaseMetrics m = service.record(id, null, 2, T0.plusSeconds(60));
        assertThat(m.rejected()).isTrue();
        assertThat(m.timeToFirstDraftMs()).isEqualTo(7_000);
        assertThat(m.timeToApprovalMs()).isNull();
        assertThat(m.editRatioChars()).isNull();
        assertThat(m.editRatioWords()).isNull();
        assertThat(m.aiShare()).isNull();
        assertThat(m.acceptedWithoutEdit()).isFalse();
        assertThat(m.regenerations()).isEqualTo(2);
        assertThat(repository.find(id)).contains(m);
    }

    @Test
    void aTextWrittenByHandAfterTheAiOwesItNothing() {
        long id = seed();
        draft(id, "OFFLINE", AI_DRAFT, 4);
        draft(id, "HUMAN", "Madame, votre dossier est transmis à notre expert.", 300);
        CaseMetrics m =
                service.record(id, "Madame, votre dossier est transmis à notre expert.", 0, T0.plusSeconds(400));
        assertThat(m.handDrafted()).isTrue();
        assertThat(m.aiShare()).isZero();
        assertThat(m.editRatioChars()).as("no AI draft to compare with").isNull();
        assertThat(m.editRatioWords()).isNull();
        assertThat(m.acceptedWithoutEdit()).isFalse();
        assertThat(m.timeToFirstDraftMs()).as("still the AI's first draft").isEqualTo(4_000);
        assertThat(m.timeToApprovalMs()).isEqualTo(400_000);
    }

    @Test
    void aCaseWithoutDraftHasNoTimeToFirstDraft() {
        long id = seed();
        CaseMetrics m = service.record(id, "Texte saisi directement.", 0, T0.plusSeconds(10));
        assertThat(m.timeToFirstDraftMs()).isNull();
        assertThat(m.timeToApprovalMs()).isEqualTo(10_000);
        assertThat(m.handDrafted()).isFalse();
        assertThat(m.aiShare()).isZero();
    }

    @Test
    void measuringACaseAgainReplacesItsMeasures() {
        long id = seed();
        draft(id, "MODEL", AI_DRAFT, 2);
        service.record(id, null, 0, T0.plusSeconds(20));
        CaseMetrics approved = service.record(id, AI_DRAFT, 1, T0.plusSeconds(40));
        assertThat(repository.find(id)).contains(approved);
        assertThat(jdbc.sql("select count(*) from case_metrics where case_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anUnknownCaseIsNotMeasured() {
        assertThatThrownBy(() -> service.record(-5, "x", 0, T0)).isInstanceOf(NoSuchElementException.class);
        assertThat(repository.find(-5)).isEmpty();
    }
}
