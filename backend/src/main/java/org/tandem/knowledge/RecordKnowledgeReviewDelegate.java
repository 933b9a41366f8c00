package org.tandem.knowledge;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordKnowledgeReview")
class RecordKnowledgeReviewDelegate implements JavaDelegate {

    private final KnowledgeReviews reviews;

    RecordKnowledgeReviewDelegate(KnowledgeReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.recordReview(((Number) execution.getVariable("documentId")).longValue(), (String)
                execution.getVariable("reviewedBy"));
    }
}
