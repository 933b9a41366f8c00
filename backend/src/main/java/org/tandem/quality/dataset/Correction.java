package org.tandem.quality.dataset;

import java.time.LocalDate;
import java.util.List;

/**
 * One case of the corrections dataset, as exported: what the AI drafted and what people approved, the
 * diff, the reasons they gave, and how it was made (pre-prompt version, model, sources). Every text is
 * pseudonymised as the prompts are (the member's data become tokens, « [PERSONNE_1_NOM] »…); nobody's
 * identity is in it, neither the member's nor the employees'.
 *
 * @param outcome       APPROVED, or REJECTED when the case ended on a rejection
 * @param approvedText  null for a rejected case
 * @param reasons       every reason chosen on the case's decisions, without duplicates
 * @param editRatio     character edit ratio of the approved text to the AI draft (0 unchanged, 1 rewritten)
 */
public record Correction(
        long caseId,
        String useCase,
        LocalDate filedOn,
        String promptVersion,
        String model,
        String producer,
        String subject,
        String request,
        String aiDraft,
        String approvedText,
        String outcome,
        List<WordDiff.Op> diff,
        Double editRatio,
        Double editRatioWords,
        Double aiShare,
        boolean acceptedWithoutEdit,
        boolean handDrafted,
        int regenerations,
        List<String> reasons,
        List<Decision> decisions,
        List<Source> sources) {

    /** A person's decision on the case, without the person. */
    public record Decision(String task, String decision, List<String> reasons, String instruction, String reason) {}

    /** A knowledge passage the AI draft was given. */
    public record Source(String id, String reference, String title, int documentVersion, boolean stale) {}
}
