package org.tandem.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a Markdown document into passages: each heading starts a section, and a section's
 * paragraphs are grouped into passages of about {@value #MIN_WORDS}–{@value #MAX_WORDS} words
 * (aiming at {@value #TARGET_WORDS}), never across headings. A paragraph longer than the maximum is
 * cut between sentences. Each passage keeps the path of its headings ("Section › Sub-section"),
 * which is shown with it as its source and weighs more in the full-text ranking.
 */
final class PassageSplitter {

    static final int MIN_WORDS = 80;
    static final int TARGET_WORDS = 180;
    static final int MAX_WORDS = 250;

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…»])\\s+(?=[\\p{Lu}«\"(\\d-])");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    record Passage(int ordinal, String heading, String text) {}

    private PassageSplitter() {}

    static List<Passage> split(String markdown) {
        List<Passage> passages = new ArrayList<>();
        String[] path = new String[7];
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        String heading = null;
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            var h = HEADING.matcher(line);
            if (h.matches()) {
                endParagraph(paragraph, paragraphs);
                addSection(heading, paragraphs, passages);
                paragraphs.clear();
                int level = h.group(1).length();
                path[level] = h.group(2);
                for (int i = level + 1; i < path.length; i++) {
                    path[i] = null;
                }
                heading = headingPath(path);
            } else if (line.isBlank()) {
                endParagraph(paragraph, paragraphs);
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : "\n").append(line.strip());
            }
        }
        endParagraph(paragraph, paragraphs);
        addSection(heading, paragraphs, passages);
        return passages;
    }

    static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : WHITESPACE.split(trimmed).length;
    }

    /** Level 1 is the document's title, shown apart: the path starts at level 2. */
    private static String headingPath(String[] path) {
        List<String> parts = new ArrayList<>();
        for (int i = 2; i < path.length; i++) {
            if (path[i] != null && !path[i].isBlank()) {
                parts.add(path[i]);
            }
        }
        return parts.isEmpty() ? null : String.join(" › ", parts);
    }

    private static void endParagraph(StringBuilder paragraph, List<String> paragraphs) {
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }

    private static void addSection(String heading, List<String> paragraphs, List<Passage> passages) {
        List<String> pieces = new ArrayList<>();
        for (String p : paragraphs) {
            pieces.addAll(words(p) > MAX_WORDS ? sentenceGroups(p) : List.of(p));
        }
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int currentWords = 0;
        for (String piece : pieces) {
            int w = words(piece);
            boolean full =
                    currentWords + w > MAX_WORDS || (currentWords >= MIN_WORDS && currentWords + w > TARGET_WORDS);
            if (!current.isEmpty() && full) {
                chunks.add(current);
                current = new ArrayList<>();
                currentWords = 0;
            }
            current.add(piece);
            currentWords += w;
        }
        if (!current.isEmpty()) {
            // a short tail joins the passage before it when the two stay within the maximum
            if (currentWords < MIN_WORDS
                    && !chunks.isEmpty()
                    && words(String.join(" ", chunks.get(chunks.size() - 1))) + currentWords <= MAX_WORDS) {
                chunks.get(chunks.size() - 1).addAll(current);
            } else {
                chunks.add(current);
            }
        }
        for (List<String> chunk : chunks) {
            passages.add(new Passage(passages.size() + 1, heading, String.join("\n\n", chunk)));
        }
    }

    /** A paragraph longer than the maximum, cut between sentences into pieces of at most the target. */
    private static List<String> sentenceGroups(String paragraph) {
        List<String> groups = new ArrayList<>();
        StringBuilder group = new StringBuilder();
        int groupWords = 0;
        for (String sentence : SENTENCE_END.split(paragraph)) {
            int w = words(sentence);
            if (groupWords > 0 && groupWords + w > TARGET_WORDS) {
                groups.add(group.toString());
                group.setLength(0);
                groupWords = 0;
            }
            group.append(group.isEmpty() ? "" : " ").append(sentence.strip());
            groupWords += w;
        }
        if (!group.isEmpty()) {
            groups.add(group.toString());
        }
        return groups;
    }
}
