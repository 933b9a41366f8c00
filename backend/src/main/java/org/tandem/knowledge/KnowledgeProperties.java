package org.tandem.knowledge;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The knowledge base's retrieval settings.
 *
 * @param modelCache     where the embedding model's native libraries are unpacked (DJL_CACHE_DIR), never ~
 * @param rerank         whether full-text candidates are re-ranked with the embedding model
 * @param candidates     how many full-text candidates are re-ranked
 * @param semanticWeight the embedding similarity's share of the combined score (0–1), see {@link KnowledgeRetriever}
 * @param demoCorpus     whether the demo profile loads the documents of processes/knowledge at start-up
 */
@ConfigurationProperties("tandem.knowledge")
public record KnowledgeProperties(
        Path modelCache, boolean rerank, int candidates, double semanticWeight, boolean demoCorpus) {

    public KnowledgeProperties {
        if (semanticWeight < 0 || semanticWeight > 1) {
            throw new IllegalArgumentException("tandem.knowledge.semantic-weight must be between 0 and 1");
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("tandem.knowledge.candidates must be at least 1");
        }
    }
}
