package org.tandem.knowledge;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** knowledge-review.bpmn's daily « Ouvrir une relecture par document périmé ». */
@Component("openKnowledgeReviews")
class OpenKnowledgeReviewsDelegate implements JavaDelegate {

    private final KnowledgeReviews reviews;

    OpenKnowledgeReviewsDelegate(KnowledgeReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("reviewsOpened", reviews.openDueReviews().size());
    }
}
