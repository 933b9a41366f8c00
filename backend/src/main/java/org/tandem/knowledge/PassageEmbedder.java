package org.tandem.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Embeds texts with the knowledge embedding model, or says it cannot: when the model does not load
 * (native library missing, re-ranking switched off) the knowledge base works on full-text search
 * alone. A model that failed to load is not tried again, and the failure is logged once.
 */
@Component
class PassageEmbedder {

    private static final Logger log = LoggerFactory.getLogger(PassageEmbedder.class);

    /** What the model reads of a query: beyond ~500 tokens it would cut the text in parts and average them. */
    static final int MAX_QUERY_CHARS = 1_000;

    private final ObjectProvider<EmbeddingModel> modelProvider;
    private final boolean enabled;
    private volatile EmbeddingModel model;
    private volatile boolean unavailable;

    PassageEmbedder(
            @Qualifier("knowledgeEmbeddingModel") ObjectProvider<EmbeddingModel> modelProvider,
            KnowledgeProperties properties) {
        this.modelProvider = modelProvider;
        this.enabled = properties.rerank();
    }

    boolean available() {
        return model().isPresent();
    }

    /** The unit-length embedding of a query, or empty when the model is unavailable or failed. */
    Optional<float[]> embedQuery(String query) {
        String text = query.length() > MAX_QUERY_CHARS ? query.substring(0, MAX_QUERY_CHARS) : query;
        return model().flatMap(m -> {
            try {
                return Optional.of(unit(m.embed(text).content().vector()));
            } catch (RuntimeException e) {
                log.warn("Embedding a query failed; ranking by full-text search alone: {}", e.toString());
                return Optional.empty();
            }
        });
    }

    /** Unit-length embeddings of the passages, in order, or empty when the model is unavailable or failed. */
    Optional<List<float[]>> embedPassages(List<String> texts) {
        if (texts.isEmpty()) {
            return Optional.of(List.of());
        }
        return model().flatMap(m -> {
            try {
                List<Embedding> embeddings = m.embedAll(
                                texts.stream().map(TextSegment::from).toList())
                        .content();
                return Optional.of(
                        embeddings.stream().map(e -> unit(e.vector())).toList());
            } catch (RuntimeException e) {
                log.warn(
                        "Embedding {} passages failed; they are stored without embedding: {}",
                        texts.size(),
                        e.toString());
                return Optional.empty();
            }
        });
    }

    private Optional<EmbeddingModel> model() {
        if (model != null) {
            return Optional.of(model);
        }
        if (!enabled || unavailable) {
            return Optional.empty();
        }
        synchronized (this) {
            if (model == null && !unavailable) {
                try {
                    model = modelProvider.getObject();
                } catch (RuntimeException | LinkageError e) {
                    unavailable = true;
                    log.warn(
                            "The knowledge embedding model could not be loaded; knowledge retrieval ranks by "
                                    + "full-text search alone until restart",
                            e);
                }
            }
            return Optional.ofNullable(model);
        }
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v.clone();
        }
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / norm);
        }
        return u;
    }

    /** Cosine similarity of two unit-length vectors. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
