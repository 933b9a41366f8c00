package org.tandem.content.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a final text comes from the AI draft, measured rather than declared: the characters
 * of the final text's words that are kept, in order, from the draft (a longest common subsequence
 * of words, weighted by their length), over all the characters of the final text's words.
 * Word-level so that a 20,000-character letter is measured in milliseconds.
 */
public final class AiShare {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    private AiShare() {}

    /** @return a share in [0, 1]; 0 when there is no AI draft or no final text. */
    public static double of(String aiDraft, String finalText) {
        if (aiDraft == null || finalText == null) {
            return 0;
        }
        List<String> a = words(aiDraft);
        List<String> b = words(finalText);
        long total = b.stream().mapToLong(String::length).sum();
        if (total == 0 || a.isEmpty()) {
            return 0;
        }
        long[] previous = new long[b.size() + 1];
        long[] current = new long[b.size() + 1];
        for (String wordA : a) {
            for (int j = 1; j <= b.size(); j++) {
                String wordB = b.get(j - 1);
                current[j] =
                        wordA.equals(wordB) ? previous[j - 1] + wordB.length() : Math.max(previous[j], current[j - 1]);
            }
            long[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(1.0, (double) previous[b.size()] / total);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
