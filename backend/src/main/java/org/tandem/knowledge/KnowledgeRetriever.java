package org.tandem.knowledge;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Service;

/**
 * Finds the passages of the knowledge base that answer a request, in two stages.
 *
 * <ol>
 * <li><b>Full-text search</b> (PostgreSQL's {@code french} configuration, so "rembourser" finds
 * "remboursement", its stemmed words held in memory by {@link PassageIndex}): passages holding any of the query's stemmed words, ordered by how many distinct
 * query words they hold, then by {@code ts_rank_cd}; the best {@code tandem.knowledge.candidates}
 * (40) are kept. In a base of 1,000 passages or more, words held by more than a fifth of the
 * passages are left out ({@link LexemeStatistics}): they would match most of the table and say
 * nothing about the question. Their text score is {@code t = (matched + rank / (1 + rank)) / (queryWords + 1)},
 * divided by the best candidate's, so 0–1 with 1 for the best.</li>
 * <li><b>Re-ranking</b> with the in-process embedding model: the cosine similarity {@code c} of the
 * query's and each passage's embeddings is min–max scaled over the candidates into {@code s} (0–1),
 * and the combined score is {@code score = (1 − w)·t + w·s} with {@code w =
 * tandem.knowledge.semantic-weight} (0.4: the model is trained on English and separates French texts
 * weakly, so the words matched stay first). A candidate stored without embedding keeps {@code
 * score = t}.</li>
 * </ol>
 * When the model is unavailable, switched off or fails, the score is {@code t} alone: retrieval never
 * fails because of the re-ranker.
 */
@Service
public class KnowledgeRetriever {

    /** The most passages one search returns. */
    public static final int MAX_RESULTS = 20;
    /** What full-text search reads of a long request (a member's message can run to 20,000 characters). */
    static final int MAX_QUERY_CHARS = 2_000;

    private final KnowledgeRepository repository;
    private final LexemeStatistics statistics;
    private final PassageIndex index;
    private final PassageEmbedder embedder;
    private final int candidates;
    private final double semanticWeight;
    /** Embeds queries beside the full-text search; as many threads as cores, since ONNX keeps a core busy. */
    private final ExecutorService queryEmbedding =
            Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "knowledge-query-embedding");
                t.setDaemon(true);
                return t;
            });

    KnowledgeRetriever(
            KnowledgeRepository repository,
            LexemeStatistics statistics,
            PassageIndex index,
            PassageEmbedder embedder,
            KnowledgeProperties properties) {
        this.repository = repository;
        this.statistics = statistics;
        this.index = index;
        this.embedder = embedder;
        this.candidates = properties.candidates();
        this.semanticWeight = properties.semanticWeight();
    }

    /**
     * The {@code k} passages that best answer {@code query} in the given collections (all of them
     * when empty or null), best first, each with its document's reference, title, version and stale flag.
     */
    public List<RetrievedPassage> search(String query, Set<String> collections, int k) {
        return search(query, collections, k, true);
    }

    /** As {@link #search(String, Set, int)}, with the re-ranking switched off on request (benchmark, comparison). */
    List<RetrievedPassage> search(String query, Set<String> collections, int k, boolean rerank) {
        if (query == null || query.isBlank() || k < 1) {
            return List.of();
        }
        String text = query.length() > MAX_QUERY_CHARS ? query.substring(0, MAX_QUERY_CHARS) : query;
        int limit = Math.max(candidates, k);
        KnowledgeRepository.Lexemes lexemes = repository.lexemes(text);
        List<String> words = statistics.searchWords(lexemes);
        List<PassageIndex.Hit> hits = hits(lexemes, words, collections, limit);
        if (hits.isEmpty()) {
            // nothing to re-rank (an empty collection, no word in common): the query is not embedded, which
            // costs a core about 8 ms
            return List.of();
        }
        // the query is embedded (in this JVM) while PostgreSQL ranks the passages the index found
        CompletableFuture<Optional<float[]>> queryVector = rerank
                ? CompletableFuture.supplyAsync(() -> embedder.embedQuery(text), queryEmbedding)
                : CompletableFuture.completedFuture(Optional.empty());
        List<KnowledgeRepository.Candidate> found = repository.candidates(hits, words, limit, LocalDate.now());
        if (found.isEmpty()) {
            return List.of();
        }
        return rank(found, vector(queryVector), semanticWeight).stream()
                .limit(Math.min(k, MAX_RESULTS))
                .toList();
    }

    /**
     * The {@code limit} best full-text candidates: the index picks the {@value KnowledgeRepository#PRE_RANKED}×
     * {@code limit} passages holding the most words, PostgreSQL ranks them with ts_rank_cd.
     */
    List<KnowledgeRepository.Candidate> candidates(
            KnowledgeRepository.Lexemes lexemes, Set<String> collections, int limit) {
        List<String> words = statistics.searchWords(lexemes);
        return repository.candidates(hits(lexemes, words, collections, limit), words, limit, LocalDate.now());
    }

    /** The passages of the in-memory index holding the most search words, none when there is no word. */
    private List<PassageIndex.Hit> hits(
            KnowledgeRepository.Lexemes lexemes, List<String> words, Set<String> collections, int limit) {
        return words.isEmpty()
                ? List.of()
                : index.top(lexemes.generation(), words, collections, KnowledgeRepository.PRE_RANKED * limit);
    }

    private static float[] vector(CompletableFuture<Optional<float[]>> queryVector) {
        try {
            return queryVector.join().orElse(null);
        } catch (RuntimeException e) {
            return null; // embedQuery reports its own failures; the ranking falls back to full-text
        }
    }

    @PreDestroy
    void stop() {
        queryEmbedding.shutdownNow();
    }

    /** Scores the candidates as the class comment says, best first; ties keep the full-text order. */
    static List<RetrievedPassage> rank(List<KnowledgeRepository.Candidate> found, float[] queryVector, double weight) {
        double[] text = new double[found.size()];
        double best = 0;
        for (int i = 0; i < found.size(); i++) {
            var c = found.get(i);
            text[i] = (c.matchedTerms() + c.rank() / (1 + c.rank())) / (c.queryTerms() + 1);
            best = Math.max(best, text[i]);
        }
        Double[] similarity = new Double[found.size()];
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        if (queryVector != null) {
            for (int i = 0; i < found.size(); i++) {
                float[] e = found.get(i).embedding();
                if (e != null && e.length == queryVector.length) {
                    similarity[i] = PassageEmbedder.cosine(queryVector, e);
                    min = Math.min(min, similarity[i]);
                    max = Math.max(max, similarity[i]);
                }
            }
        }
        List<RetrievedPassage> ranked = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            var c = found.get(i);
            double t = best > 0 ? text[i] / best : 0;
            double score = t;
            if (similarity[i] != null) {
                // equal similarities say nothing: the text score stands
                double s = max > min ? (similarity[i] - min) / (max - min) : t;
                score = (1 - weight) * t + weight * s;
            }
            ranked.add(new RetrievedPassage(
                    c.passageId(),
                    c.reference(),
                    c.title(),
                    c.collection(),
                    c.documentVersion(),
                    c.ordinal(),
                    c.heading(),
                    c.text(),
                    score,
                    t,
                    similarity[i],
                    c.stale(),
                    c.lastReviewed()));
        }
        // a stable sort: equal scores keep the full-text order
        ranked.sort(Comparator.comparingDouble(RetrievedPassage::score).reversed());
        return ranked;
    }
}
