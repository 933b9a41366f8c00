package org.tandem.knowledge;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tandem.work.TaskSubjects;

/** The task list's « objet » of a document review: which document, so that an owner tells several apart. */
@Component
class KnowledgeTaskSubjects implements TaskSubjects {

    private final KnowledgeRepository repository;

    KnowledgeTaskSubjects(KnowledgeRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<String> subject(String processKey, String businessKey) {
        if (!KnowledgeReviews.PROCESS_KEY.equals(processKey)
                || !businessKey.startsWith(KnowledgeReviews.BUSINESS_KEY_PREFIX)) {
            return Optional.empty();
        }
        String reference = businessKey.substring(KnowledgeReviews.BUSINESS_KEY_PREFIX.length());
        return repository.findByReference(reference).map(d -> d.title() + " (" + d.reference() + ")");
    }
}
