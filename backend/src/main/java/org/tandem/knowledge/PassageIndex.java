package org.tandem.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stemmed words of every live passage, held in memory, so that a search picks its full-text
 * candidates without making PostgreSQL read and test every passage that holds one of the words (with
 * four searchers that scan was most of a search's time, goal P5 of issue 18). The order is the one the
 * SQL query gave: most distinct query words held first, then the lowest passage id. The index follows
 * the database's {@code knowledge_generation}, which triggers move on any change of passages, of a
 * document's collection or of its retirement, on whichever node: a search that reads a newer generation
 * rebuilds it first. About 4 bytes per distinct word of each passage (10,000 passages: a few megabytes).
 */
@Component
class PassageIndex {

    /** A passage holding {@code matched} of the query's words. */
    record Hit(long passageId, int matched) {}

    /** One generation of the index; passages by position, in id order. */
    private record Snapshot(
            long generation,
            long[] ids,
            int[] collection,
            Map<String, Integer> collections,
            Map<String, int[]> postings) {}

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    PassageIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The {@code n} live passages of the collections (all when null or empty) that hold the most of
     * {@code words}, then the lowest ids, as of {@code generation} or later.
     */
    List<Hit> top(long generation, List<String> words, Collection<String> collections, int n) {
        Snapshot s = current(generation);
        boolean[] allowed = null;
        if (collections != null && !collections.isEmpty()) {
            allowed = new boolean[s.collections().size()];
            for (String c : collections) {
                Integer code = s.collections().get(c);
                if (code != null) {
                    allowed[code] = true;
                }
            }
        }
        byte[] held = new byte[s.ids().length];
        int[] touched = new int[16];
        int touchedCount = 0;
        int most = 0;
        for (String word : words) {
            int[] postings = s.postings().get(word);
            if (postings == null) {
                continue;
            }
            for (int position : postings) {
                if (allowed != null && !allowed[s.collection()[position]]) {
                    continue;
                }
                if (held[position] == 0) {
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touchedCount * 2);
                    }
                    touched[touchedCount++] = position;
                }
                held[position]++;
                most = Math.max(most, held[position]);
            }
        }
        // by words held (a query searches on at most LexemeStatistics.MAX_WORDS), then position = id order
        int[] byCount = new int[most + 2];
        for (int i = 0; i < touchedCount; i++) {
            byCount[held[touched[i]]]++;
        }
        List<Hit> hits = new ArrayList<>(Math.min(n, touchedCount));
        int[] sorted = Arrays.copyOf(touched, touchedCount);
        Arrays.sort(sorted);
        for (int count = most; count > 0 && hits.size() < n; count--) {
            if (byCount[count] == 0) {
                continue;
            }
            for (int i = 0; i < sorted.length && hits.size() < n; i++) {
                if (held[sorted[i]] == count) {
                    hits.add(new Hit(s.ids()[sorted[i]], count));
                }
            }
        }
        return hits;
    }

    /** How many live passages there are and hold each word, as of {@code generation} or later. */
    LexemeStatistics.Snapshot statistics(long generation) {
        Snapshot s = current(generation);
        return new LexemeStatistics.Snapshot(s.ids().length, word -> {
            int[] postings = s.postings().get(word);
            return postings == null ? 0 : postings.length;
        });
    }

    private Snapshot current(long generation) {
        Snapshot s = snapshot;
        if (s == null || s.generation() < generation) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                // it may see its own uncommitted changes: this search only, not kept for the others
                return build();
            }
            synchronized (this) {
                s = snapshot;
                if (s == null || s.generation() < generation) {
                    s = build();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    /** Reads every live passage's words and the generation in one statement (one snapshot of the data). */
    private Snapshot build() {
        long[] generation = {0};
        List<Long> ids = new ArrayList<>();
        List<Integer> collectionOf = new ArrayList<>();
        Map<String, Integer> collections = new HashMap<>();
        Map<String, int[]> postings = new HashMap<>();
        Map<String, Integer> lengths = new HashMap<>();
        jdbc.sql("""
                        select g.generation, x.id, x.collection, x.words
                        from knowledge_generation g
                        left join (select p.id, d.collection, tsvector_to_array(p.tsv) as words
                                   from knowledge_passage p join knowledge_document d on d.id = p.document_id
                                   where d.retired_at is null) x on true
                        order by x.id""").query((RowCallbackHandler) rs -> {
            generation[0] = rs.getLong(1);
            long id = rs.getLong(2);
            if (rs.wasNull()) {
                return;
            }
            int position = ids.size();
            ids.add(id);
            collectionOf.add(collections.computeIfAbsent(rs.getString(3), c -> collections.size()));
            for (String word : (String[]) rs.getArray(4).getArray()) {
                int length = lengths.merge(word, 1, Integer::sum);
                int[] list = postings.get(word);
                if (list == null || list.length < length) {
                    list = list == null ? new int[4] : Arrays.copyOf(list, list.length * 2);
                    postings.put(word, list);
                }
                list[length - 1] = position;
            }
        });
        postings.replaceAll((word, list) -> Arrays.copyOf(list, lengths.get(word)));
        return new Snapshot(
                generation[0],
                ids.stream().mapToLong(Long::longValue).toArray(),
                collectionOf.stream().mapToInt(Integer::intValue).toArray(),
                Map.copyOf(collections),
                postings);
    }
}
