package org.tandem.chatbot;

import org.springframework.stereotype.Service;
import org.tandem.content.CaseRepository;
import org.tandem.content.DisclosurePolicy;
import org.tandem.content.DisclosureService;
import org.tandem.content.Draft;
import org.tandem.content.DraftRepository;
import org.tandem.platform.guardrails.GuardrailReport;

/** The chatbot's answers that reach a member with no person in between, under a standing authorisation. */
@Service
class UnattendedAnswers {

    private final UnattendedAuthorizations authorizations;
    private final CaseRepository cases;
    private final DraftRepository drafts;
    private final DisclosurePolicy policy;
    private final DisclosureService disclosures;

    UnattendedAnswers(
            UnattendedAuthorizations authorizations,
            CaseRepository cases,
            DraftRepository drafts,
            DisclosurePolicy policy,
            DisclosureService disclosures) {
        this.authorizations = authorizations;
        this.cases = cases;
        this.drafts = drafts;
        this.policy = policy;
        this.disclosures = disclosures;
    }

    /**
     * Whether the AI's answer may go out unread: under a standing authorisation, and only when the
     * guardrails found nothing that blocks an approval (otherwise an adviser takes the conversation).
     */
    boolean authorized(long caseId) {
        boolean blocked = drafts.latestFromAiStep(caseId)
                .flatMap(d -> drafts.guardrails(d.id()))
                .map(GuardrailReport::blocksApproval)
                .orElse(false);
        return !blocked && authorizations.authorizer(promptVersion(caseId)).isPresent();
    }

    /**
     * Sends the AI step's answer, refused without the authorisation. A model's answer is all the model's
     * words: labelled as fully AI, with its sources. The offline drafter's fixed message (« je fonctionne
     * en mode hors-ligne… ») has no word of a model: the policy gives it no AI label.
     */
    void disclose(long caseId) {
        Draft answer = drafts.latestFromAiStep(caseId).orElseThrow();
        double aiShare = answer.producer().isAi() ? 1.0 : 0.0;
        disclosures.discloseUnattended(
                caseId,
                answer.text(),
                aiShare,
                authorizations.authorizer(promptVersion(caseId)).orElse(null),
                policy.decide(false, aiShare));
    }

    private String promptVersion(long caseId) {
        return cases.findById(caseId).orElseThrow().promptVersion();
    }
}
