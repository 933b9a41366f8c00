package org.tandem.knowledge;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** knowledge-review.bpmn's « Retirer le document »: the owner decided the document no longer serves. */
@Component("retireKnowledgeDocument")
class RetireKnowledgeDocumentDelegate implements JavaDelegate {

    private final KnowledgeReviews reviews;

    RetireKnowledgeDocumentDelegate(KnowledgeReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.retire(((Number) execution.getVariable("documentId")).longValue(), (String)
                execution.getVariable("reviewedBy"));
    }
}
