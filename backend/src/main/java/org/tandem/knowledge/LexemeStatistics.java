package org.tandem.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * How many passages hold each stemmed word, to leave out of a search the words that a fifth of the
 * base holds ("quel", "contrat", "sociétaire"…): PostgreSQL's ranking has no inverse document frequency,
 * and an OR over such words would match, and rank, most of the base. The counts are those of
 * {@link PassageIndex} (live passages, as of the generation the search read).
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

    /** The live passages, and how many of them hold a word. */
    record Snapshot(int passages, ToIntFunction<String> frequency) {}

    private final PassageIndex index;

    LexemeStatistics(PassageIndex index) {
        this.index = index;
    }

    /** The words of the query worth searching on, rarest first. */
    List<String> searchWords(KnowledgeRepository.Lexemes lexemes) {
        List<String> safe = lexemes.words().stream()
                .filter(l -> SAFE.matcher(l).matches())
                .distinct()
                .toList();
        return select(safe, index.statistics(lexemes.generation()));
    }

    static List<String> select(List<String> lexemes, Snapshot stats) {
        if (stats.passages() < MIN_PASSAGES) {
            return lexemes.size() <= MAX_WORDS ? lexemes : lexemes.subList(0, MAX_WORDS);
        }
        List<String> known = new ArrayList<>(lexemes.stream()
                .filter(l -> stats.frequency().applyAsInt(l) > 0)
                .toList());
        known.sort(Comparator.comparingInt(stats.frequency()));
        List<String> rare = known.stream()
                .filter(l -> stats.frequency().applyAsInt(l) <= MAX_SHARE * stats.passages())
                .toList();
        // only common words: search on the two least common rather than on nothing
        List<String> chosen = rare.isEmpty() ? known.subList(0, Math.min(2, known.size())) : rare;
        return chosen.size() <= MAX_WORDS ? chosen : chosen.subList(0, MAX_WORDS);
    }
}
