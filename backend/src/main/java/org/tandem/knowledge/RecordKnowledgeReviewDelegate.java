package org.tandem.knowledge;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** knowledge-review.bpmn's « Enregistrer la relecture »: the owner confirmed the document. */
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
