package org.tandem.content.review;

import java.util.List;

/**
 * How much a person changed a text: the Levenshtein distance between the AI draft and the final
 * text, normalised by the longer of the two (0 = unchanged, 1 = entirely rewritten), in characters
 * and in words. The common prefix and suffix are skipped first, so a local edit of a long letter
 * costs little; beyond {@value #MAX_CELLS} cells the character ratio is the word ratio (documented
 * approximation, never a slow request).
 */
public final class EditMeasure {

    static final long MAX_CELLS = 25_000_000L;

    private EditMeasure() {}

    public static double characters(String draft, String result) {
        if (draft == null || result == null) {
            return 1.0;
        }
        int[] a = draft.codePoints().toArray();
        int[] b = result.codePoints().toArray();
        int longer = Math.max(a.length, b.length);
        if (longer == 0) {
            return 0;
        }
        int start = 0;
        while (start < a.length && start < b.length && a[start] == b[start]) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) {
            endA--;
            endB--;
        }
        if ((long) (endA - start) * (endB - start) > MAX_CELLS) {
            return words(draft, result);
        }
        int from = start;
        int distance = distance(endA - start, endB - start, (i, j) -> a[from + i] == b[from + j]);
        return (double) distance / longer;
    }

    public static double words(String draft, String result) {
        if (draft == null || result == null) {
            return 1.0;
        }
        List<String> a = AiShare.words(draft);
        List<String> b = AiShare.words(result);
        int longer = Math.max(a.size(), b.size());
        return longer == 0
                ? 0
                : (double) distance(a.size(), b.size(), (i, j) -> a.get(i).equals(b.get(j))) / longer;
    }

    private interface Same {
        boolean at(int i, int j);
    }

    private static int distance(int n, int m, Same same) {
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            for (int j = 1; j <= m; j++) {
                int substitution = previous[j - 1] + (same.at(i - 1, j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[m];
    }
}
