package org.tandem.quality.dataset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tandem.content.Draft;
import org.tandem.content.DraftRepository;
import org.tandem.content.DraftSource;
import org.tandem.members.Member;
import org.tandem.members.MemberRepository;
import org.tandem.platform.database.Rows;
import org.tandem.platform.privacy.MemberIdentity;
import org.tandem.platform.privacy.PseudonymisationSession;
import org.tandem.platform.privacy.Pseudonymiser;

/**
 * A use case's corrections: every case filed in a period whose AI draft people decided on (approved as it
 * was, edited, or rejected), with its diff, reasons, version, model and sources. The same selection,
 * approved cases only and newest first, is the use case's reference set for evaluating a new pre-prompt
 * version. Reads content's tables (read-only, as governance's KPIs do); pseudonymises with the member's
 * identity, always, whatever the provider settings: the dataset leaves the application.
 */
@Service
public class CorrectionsDataset {

    /** A reference case: what an evaluation drafts again and compares with what people approved. */
    public record ReferenceCase(long caseId, String memberId, String subject, String message, String approvedText) {}

    private record Row(
            long id,
            String useCaseKey,
            String promptVersion,
            String memberId,
            String subject,
            String message,
            String finalText,
            OffsetDateTime createdAt,
            Double editRatioChars,
            Double editRatioWords,
            Double aiShare,
            Boolean acceptedWithoutEdit,
            Boolean handDrafted,
            Integer regenerations,
            Boolean rejected) {}

    private record DecisionRow(long id, String taskKey, String decision, String instruction, String reason) {}

    private final JdbcClient jdbc;
    private final DraftRepository drafts;
    private final MemberRepository members;
    private final Pseudonymiser pseudonymiser;

    CorrectionsDataset(JdbcClient jdbc, DraftRepository drafts, MemberRepository members, Pseudonymiser pseudonymiser) {
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.members = members;
        this.pseudonymiser = pseudonymiser;
    }

    /** The ids of the use case's corrections filed in [from, to), oldest first. */
    public List<Long> caseIds(String useCaseKey, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select c.id from content_case c left join case_metrics m on m.case_id = c.id
                        where c.use_case_key = ? and c.created_at >= ? and c.created_at < ?
                          and exists (select 1 from draft d where d.case_id = c.id and d.producer <> 'HUMAN')
                          and (c.final_text is not null or m.rejected)
                        order by c.id""")
                .params(useCaseKey, start(from), start(to))
                .query(Long.class)
                .list();
    }

    /** The last {@code size} approved cases of the use case with an AI draft, newest first. */
    public List<ReferenceCase> referenceSet(String useCaseKey, int size) {
        return jdbc.sql("""
                        select c.id as case_id, c.member_id, c.subject, c.message, c.final_text as approved_text
                        from content_case c
                        where c.use_case_key = ? and c.final_text is not null and c.approved_at is not null
                          and exists (select 1 from draft d where d.case_id = c.id and d.producer <> 'HUMAN')
                        order by c.approved_at desc, c.id desc limit ?""")
                .params(useCaseKey, size)
                .query(Rows.of(ReferenceCase.class))
                .list();
    }

    /** A pseudonymisation session for a case's member: the same values get the same tokens in all its texts. */
    public PseudonymisationSession sessionFor(String memberId) {
        MemberIdentity identity = memberId == null
                ? MemberIdentity.none()
                : members.findById(memberId).map(Member::identity).orElse(MemberIdentity.none());
        return PseudonymisationSession.of(pseudonymiser, identity);
    }

    /** One case of the dataset, pseudonymised. */
    public Optional<Correction> correction(long caseId) {
        Optional<Row> found =
                jdbc.sql("""
                        select c.id, c.use_case_key, c.prompt_version, c.member_id, c.subject, c.message, c.final_text,
                               c.created_at, m.edit_ratio_chars, m.edit_ratio_words, m.ai_share,
                               m.accepted_without_edit, m.hand_drafted, m.regenerations, m.rejected
                        from content_case c left join case_metrics m on m.case_id = c.id where c.id = ?""").param(caseId).query(Rows.of(Row.class)).optional();
        Optional<Draft> aiDraft = drafts.latestFromAiStep(caseId);
        if (found.isEmpty() || aiDraft.isEmpty()) {
            return Optional.empty();
        }
        Row c = found.get();
        Draft draft = aiDraft.get();
        // one session per case, texts in a fixed order: the member's values keep one token throughout
        PseudonymisationSession session = sessionFor(c.memberId());
        String subject = session.pseudonymise(c.subject());
        String request = session.pseudonymise(c.message());
        String ai = session.pseudonymise(draft.text());
        String approved = c.finalText() == null ? null : session.pseudonymise(c.finalText());
        List<Correction.Decision> decisions = new ArrayList<>();
        Set<String> allReasons = new LinkedHashSet<>();
        for (DecisionRow d :
                jdbc.sql("""
                        select id, task_key, decision, instruction, reason from review_decision
                        where case_id = ? order by decided_at, id""").param(caseId).query(Rows.of(DecisionRow.class)).list()) {
            List<String> reasons = jdbc.sql(
                            "select reason_code from review_reason where decision_id = ? order by reason_code")
                    .param(d.id())
                    .query(String.class)
                    .list();
            allReasons.addAll(reasons);
            decisions.add(new Correction.Decision(
                    d.taskKey(),
                    d.decision(),
                    reasons,
                    d.instruction() == null ? null : session.pseudonymise(d.instruction()),
                    d.reason() == null ? null : session.pseudonymise(d.reason())));
        }
        List<Correction.Source> sources = drafts.sources(draft.id()).stream()
                .map(CorrectionsDataset::source)
                .toList();
        return Optional.of(new Correction(
                c.id(),
                c.useCaseKey(),
                c.createdAt().toLocalDate(),
                c.promptVersion(),
                draft.model(),
                draft.producer().name(),
                subject,
                request,
                ai,
                approved,
                approved == null ? "REJECTED" : "APPROVED",
                approved == null ? List.of() : WordDiff.of(ai, approved),
                c.editRatioChars(),
                c.editRatioWords(),
                c.aiShare(),
                Boolean.TRUE.equals(c.acceptedWithoutEdit()),
                Boolean.TRUE.equals(c.handDrafted()),
                c.regenerations() == null ? 0 : c.regenerations(),
                List.copyOf(allReasons),
                decisions,
                sources));
    }

    private static Correction.Source source(DraftSource s) {
        return new Correction.Source(s.id(), s.reference(), s.title(), s.documentVersion(), s.stale());
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
