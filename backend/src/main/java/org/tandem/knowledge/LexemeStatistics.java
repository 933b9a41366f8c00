package org.tandem.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many passages hold each stemmed word, to leave out of a search the words that half the base
 * holds ("quel", "contrat", "sociétaire"…): PostgreSQL's ranking has no inverse document frequency,
 * and an OR over such words would match, and rank, most of the table. Computed with ts_stat on first
 * use, again after a local ingestion and at least every ten minutes (other nodes' ingestions).
 */
@Component
class LexemeStatistics {

    /** Below this many passages frequencies mean little, and every search is fast anyway: no word is left out. */
    static final int MIN_PASSAGES = 1_000;
    /** A word held by more than this share of the passages is too common to search on. */
    static final double MAX_SHARE = 0.2;
    /** The most words one search uses, rarest first (a member's message can hold hundreds). */
    static final int MAX_WORDS = 16;
    /** What survives the cast to tsquery and to text[] literally. */
    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private static final long MAX_AGE_NANOS = 600_000_000_000L;
    private static final long MIN_AGE_NANOS = 5_000_000_000L;

    record Snapshot(int passages, Map<String, Integer> frequency, long computedAt) {}

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;
    private volatile boolean changed;

    LexemeStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void invalidate() {
        changed = true;
    }

    /** The words of the query worth searching on, rarest first. */
    List<String> searchWords(List<String> lexemes) {
        List<String> safe = lexemes.stream()
                .filter(l -> SAFE.matcher(l).matches())
                .distinct()
                .toList();
        return select(safe, snapshot());
    }

    static List<String> select(List<String> lexemes, Snapshot stats) {
        if (stats.passages() < MIN_PASSAGES) {
            return lexemes.size() <= MAX_WORDS ? lexemes : lexemes.subList(0, MAX_WORDS);
        }
        List<String> known = new ArrayList<>(lexemes.stream()
                .filter(l -> stats.frequency().getOrDefault(l, 0) > 0)
                .toList());
        known.sort(Comparator.comparingInt(l -> stats.frequency().get(l)));
        List<String> rare = known.stream()
                .filter(l -> stats.frequency().get(l) <= MAX_SHARE * stats.passages())
                .toList();
        // only common words: search on the two least common rather than on nothing
        List<String> chosen = rare.isEmpty() ? known.subList(0, Math.min(2, known.size())) : rare;
        return chosen.size() <= MAX_WORDS ? chosen : chosen.subList(0, MAX_WORDS);
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || now - s.computedAt() > MAX_AGE_NANOS || (changed && now - s.computedAt() > MIN_AGE_NANOS)) {
            synchronized (this) {
                if (snapshot == s) {
                    changed = false;
                    snapshot = compute();
                }
                s = snapshot;
            }
        }
        return s;
    }

    private Snapshot compute() {
        int passages = jdbc.sql("select count(*) from knowledge_passage")
                .query(Integer.class)
                .single();
        Map<String, Integer> frequency = new HashMap<>();
        if (passages >= MIN_PASSAGES) {
            jdbc.sql("select word, ndoc from ts_stat('select tsv from knowledge_passage')")
                    .query((RowCallbackHandler) rs -> frequency.put(rs.getString(1), rs.getInt(2)));
        }
        return new Snapshot(passages, frequency, System.nanoTime());
    }
}
