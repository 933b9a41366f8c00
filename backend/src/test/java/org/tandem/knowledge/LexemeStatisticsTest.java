package org.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexemeStatisticsTest {

    @Test
    void inALargeBaseCommonWordsAreLeftOutAndTheRarestComeFirst() {
        Map<String, Integer> held = Map.of("quel", 4_000, "contrat", 6_000, "rembours", 900, "deg", 300, "eau", 1_500);
        var stats = new LexemeStatistics.Snapshot(10_000, word -> held.getOrDefault(word, 0));
        assertThat(LexemeStatistics.select(List.of("quel", "rembours", "deg", "eau", "inconnu", "contrat"), stats))
                .containsExactly("deg", "rembours", "eau");
        // nothing but common words: the two least common
        assertThat(LexemeStatistics.select(List.of("contrat", "quel"), stats)).containsExactly("quel", "contrat");
    }

    @Test
    void inASmallBaseEveryWordCounts() {
        var stats = new LexemeStatistics.Snapshot(80, word -> 0);
        assertThat(LexemeStatistics.select(List.of("quel", "rembours"), stats)).containsExactly("quel", "rembours");
    }
}
