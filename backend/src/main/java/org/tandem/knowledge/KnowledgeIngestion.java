package org.tandem.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.platform.web.ApiException;

/**
 * Stores a document and its passages. The passages are cut and embedded before the transaction
 * opens (embedding takes ~0.1 s a passage on two cores), then the document row and all its passages
 * are written in one transaction: a re-ingested document never shows half of its old and new
 * passages. Passages whose text did not change keep their embedding.
 */
@Service
public class KnowledgeIngestion {

    /** @param embedded passages embedded now; {@code reused} kept the embedding of an identical passage */
    public record Result(KnowledgeDocument document, int passages, int embedded, int reused, boolean created) {}

    private final KnowledgeRepository repository;
    private final PassageEmbedder embedder;
    private final TransactionTemplate transaction;

    KnowledgeIngestion(KnowledgeRepository repository, PassageEmbedder embedder, TransactionTemplate transaction) {
        this.repository = repository;
        this.embedder = embedder;
        this.transaction = transaction;
    }

    /** A document cut and embedded, ready to be stored (no transaction held while embedding). */
    public static final class Prepared {
        private final DocumentInput input;
        private final List<PassageSplitter.Passage> passages;
        private final List<float[]> embeddings;
        private final int embedded;
        private final int reused;

        private Prepared(
                DocumentInput input,
                List<PassageSplitter.Passage> passages,
                List<float[]> embeddings,
                int embedded,
                int reused) {
            this.input = input;
            this.passages = passages;
            this.embeddings = embeddings;
            this.embedded = embedded;
            this.reused = reused;
        }
    }

    /**
     * Creates the document, or replaces the one with the same reference (a new version). Without a
     * last-review date in the input, saving counts as the document's review today, by {@code actor}.
     */
    public Result ingest(DocumentInput input, String actor) {
        return store(prepare(input), actor);
    }

    /** Cuts the document into passages and embeds those whose text is new; stores nothing. */
    public Prepared prepare(DocumentInput input) {
        List<PassageSplitter.Passage> passages = PassageSplitter.split(input.body());
        if (passages.isEmpty()) {
            throw ApiException.invalidField("body", "Le document ne contient aucun texte en dehors de ses titres.");
        }
        var existing = repository.findByReference(input.reference());
        Map<String, float[]> previous =
                existing.map(d -> repository.embeddingsByText(d.id())).orElse(Map.of());

        List<String> texts = passages.stream()
                .map(p -> PassageText.forEmbedding(input.title(), p.heading(), p.text()))
                .toList();
        List<String> missing =
                texts.stream().filter(t -> !previous.containsKey(t)).distinct().toList();
        Map<String, float[]> fresh = new HashMap<>();
        embedder.embedPassages(missing).ifPresent(vectors -> {
            for (int i = 0; i < missing.size(); i++) {
                fresh.put(missing.get(i), vectors.get(i));
            }
        });
        List<float[]> embeddings = new ArrayList<>(texts.size());
        int reused = 0;
        for (String text : texts) {
            float[] kept = previous.get(text);
            reused += kept != null ? 1 : 0;
            embeddings.add(kept != null ? kept : fresh.get(text));
        }
        return new Prepared(input, passages, embeddings, fresh.size(), reused);
    }

    /**
     * Writes the document row and all its passages in one transaction (the caller's, when it has one:
     * a review's update commits with the task's completion). Editing a retired document brings it back.
     */
    public Result store(Prepared prepared, String actor) {
        DocumentInput input = prepared.input;
        LocalDate lastReviewed = input.lastReviewed() != null ? input.lastReviewed() : LocalDate.now();
        String reviewedBy = input.lastReviewed() != null ? null : actor;
        boolean[] created = {false};
        long id = transaction.execute(status -> {
            var existing = repository.findByReference(input.reference());
            created[0] = existing.isEmpty();
            long documentId = existing.isPresent()
                    ? update(existing.get().id(), input, lastReviewed, reviewedBy, actor)
                    : repository.insertDocument(input, lastReviewed, reviewedBy, actor);
            repository.replacePassages(documentId, prepared.passages, prepared.embeddings);
            return documentId;
        });
        return new Result(
                repository.findById(id).orElseThrow(),
                prepared.passages.size(),
                prepared.embedded,
                prepared.reused,
                created[0]);
    }

    private long update(long id, DocumentInput input, LocalDate lastReviewed, String reviewedBy, String actor) {
        repository.updateDocument(id, input, lastReviewed, reviewedBy, actor);
        return id;
    }
}
