package org.tandem.content.review;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tandem.content.CaseRepository;
import org.tandem.content.ContentCase;
import org.tandem.governance.CaseParticipants;

/** The people of a content case, from the case and its recorded decisions. */
@Component
class ContentCaseParticipants implements CaseParticipants {

    private final CaseRepository cases;
    private final ReviewDecisionRepository decisions;

    ContentCaseParticipants(CaseRepository cases, ReviewDecisionRepository decisions) {
        this.cases = cases;
        this.decisions = decisions;
    }

    @Override
    public Optional<String> requester(long caseId) {
        return cases.findById(caseId).map(ContentCase::requestedBy);
    }

    @Override
    public boolean workedOn(long caseId, String username) {
        return cases.findById(caseId)
                .map(c -> c.requestedBy().equals(username)
                        || username.equals(c.approvedBy())
                        || decisions.decidedBy(caseId, username))
                .orElse(false);
    }
}
