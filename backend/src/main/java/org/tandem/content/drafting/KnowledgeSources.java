package org.tandem.content.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tandem.content.DraftSource;
import org.tandem.knowledge.KnowledgeRetriever;
import org.tandem.knowledge.RetrievedPassage;
import org.tandem.platform.usecase.UseCase;

/** The knowledge passages a use case's draft is given for a request, numbered as the prompt cites them. */
@Component
class KnowledgeSources {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSources.class);

    private final KnowledgeRetriever retriever;

    KnowledgeSources(KnowledgeRetriever retriever) {
        this.retriever = retriever;
    }

    /**
     * @throws KnowledgeUnavailableException when the search fails: the caller drafts without sources
     *                                       and tells the reviewer, rather than stopping the case
     */
    List<DraftSource> forRequest(UseCase useCase, String subject, String message) {
        int k = useCase.passageCount();
        if (k == 0) {
            return List.of();
        }
        List<RetrievedPassage> found;
        try {
            found = retriever.search(subject + "\n" + message, Set.copyOf(useCase.knowledgeCollections()), k);
        } catch (RuntimeException e) {
            log.warn("Knowledge search failed for use case {}; drafting without sources", useCase.key(), e);
            throw new KnowledgeUnavailableException();
        }
        List<DraftSource> sources = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            RetrievedPassage p = found.get(i);
            sources.add(new DraftSource(
                    "S" + (i + 1),
                    p.passageId(),
                    p.reference(),
                    p.title(),
                    p.collection(),
                    p.documentVersion(),
                    p.heading(),
                    p.text(),
                    p.stale(),
                    p.lastReviewed(),
                    p.citation()));
        }
        return List.copyOf(sources);
    }

    static class KnowledgeUnavailableException extends RuntimeException {
        KnowledgeUnavailableException() {
            super("knowledge search unavailable");
        }
    }
}
