package org.tandem.quality.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of the AI draft and the approved text, as the corrections dataset stores it: runs of
 * kept ("="), removed ("-") and added ("+") text, whitespace included, so the two texts can be rebuilt
 * from it. A token is a word with the spaces after it (punctuation stays with its word). Longest common subsequence of tokens; beyond {@value #MAX_CELLS} cells the changed middle is
 * one removal and one addition (a documented approximation, never a slow export).
 */
public final class WordDiff {

    static final long MAX_CELLS = 4_000_000L;
    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*|\\s+");

    /** One run of the diff: {@code op} is "=", "-" or "+". */
    public record Op(String op, String text) {}

    private WordDiff() {}

    public static List<Op> of(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<Op> ops = new ArrayList<>();
        add(ops, "=", a.subList(0, start));
        List<String> midA = a.subList(start, endA);
        List<String> midB = b.subList(start, endB);
        if ((long) midA.size() * midB.size() > MAX_CELLS) {
            add(ops, "-", midA);
            add(ops, "+", midB);
        } else {
            lcs(ops, midA, midB);
        }
        add(ops, "=", a.subList(endA, a.size()));
        return ops;
    }

    /** The text on one side of the diff: "-" for the draft, "+" for the approved text. */
    public static String side(List<Op> ops, String side) {
        StringBuilder out = new StringBuilder();
        for (Op op : ops) {
            if (op.op().equals("=") || op.op().equals(side)) {
                out.append(op.text());
            }
        }
        return out.toString();
    }

    private static void lcs(List<Op> ops, List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] length = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                length[i][j] = a.get(i).equals(b.get(j))
                        ? length[i + 1][j + 1] + 1
                        : Math.max(length[i + 1][j], length[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                add(ops, "=", List.of(a.get(i)));
                i++;
                j++;
            } else if (length[i + 1][j] >= length[i][j + 1]) {
                add(ops, "-", List.of(a.get(i++)));
            } else {
                add(ops, "+", List.of(b.get(j++)));
            }
        }
        add(ops, "-", a.subList(i, n));
        add(ops, "+", b.subList(j, m));
    }

    /** Appends the tokens, merged with the previous run when it has the same op. */
    private static void add(List<Op> ops, String op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!ops.isEmpty() && ops.get(ops.size() - 1).op().equals(op)) {
            Op last = ops.remove(ops.size() - 1);
            ops.add(new Op(op, last.text() + text));
        } else {
            ops.add(new Op(op, text));
        }
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
