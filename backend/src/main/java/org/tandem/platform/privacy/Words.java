package org.tandem.platform.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text cut into words with where each one is, for the recognisers that read names and streets
 * word by word: "Marie-Hélène", "N'Diaye" and "d'Harcourt" are one word each.
 */
final class Words {

    private static final Pattern WORD =
            Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:['’\\-][\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*)*");

    /** One word: its text, where it is, and how it is written. */
    record Word(String text, int start, int end, int index, String folded) {

        boolean capitalised() {
            int first = text.codePointAt(0);
            if (Character.isUpperCase(first)) {
                return true;
            }
            // d'Harcourt, l'Église: capitalised after the elided article
            return text.length() > 2
                    && (text.charAt(1) == '\'' || text.charAt(1) == '’')
                    && Character.isUpperCase(text.codePointAt(2));
        }

        boolean allCaps() {
            boolean letters = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    letters = true;
                    if (Character.isLowerCase(c)) {
                        return false;
                    }
                }
            }
            return letters && text.length() > 1;
        }

        boolean lowerCase() {
            return Character.isLowerCase(text.codePointAt(0));
        }

        boolean digits() {
            return Character.isDigit(text.charAt(0));
        }
    }

    private final String text;
    private final List<Word> words = new ArrayList<>();

    Words(String text) {
        this.text = text;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new Word(
                    m.group(),
                    m.start(),
                    m.end(),
                    words.size(),
                    Texts.fold(m.group()).replace('’', '\'')));
        }
    }

    List<Word> all() {
        return words;
    }

    int size() {
        return words.size();
    }

    Word get(int i) {
        return i >= 0 && i < words.size() ? words.get(i) : null;
    }

    String text() {
        return text;
    }

    /** What lies between two consecutive words. */
    String between(int i, int j) {
        return text.substring(words.get(i).end(), words.get(j).start());
    }

    /** The two words are next to each other on one line, with only spaces between them. */
    boolean spaced(int i, int j) {
        if (i < 0 || j >= words.size()) {
            return false;
        }
        String gap = between(i, j);
        return !gap.isEmpty() && gap.chars().allMatch(c -> c == ' ' || c == '\u00A0' || c == '\t');
    }

    /**
     * The word opens a sentence: nothing but spaces, quotes, bullets or dashes between it and the
     * start of the text, a line break, or a full stop, question or exclamation mark, colon or semicolon.
     */
    boolean opensSentence(int i) {
        int at = words.get(i).start() - 1;
        while (at >= 0) {
            char c = text.charAt(at);
            if (c == '.' && abbreviationBefore(at)) {
                // « M. Fabrice », « Dr. Morel », « J. Dupont »: not the end of a sentence
                return false;
            }
            if (c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '…') {
                return true;
            }
            if (c == ' '
                    || c == '\t'
                    || c == '\u00A0'
                    || c == '«'
                    || c == '"'
                    || c == '-'
                    || c == '–'
                    || c == '—'
                    || c == '•'
                    || c == '*'
                    || c == '>') {
                at--;
                continue;
            }
            return false;
        }
        return true;
    }

    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of(
            "m", "mr", "dr", "me", "mme", "mlle", "st", "ste", "pr", "av", "bd", "ch", "pl", "r", "n", "no");

    /** The full stop at this position ends an abbreviation or an initial. */
    private boolean abbreviationBefore(int dot) {
        int start = dot;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        if (start == dot || start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            return false;
        }
        String word = text.substring(start, dot);
        return word.length() == 1 && Character.isUpperCase(word.charAt(0)) || ABBREVIATIONS.contains(Texts.fold(word));
    }

    /** The line (without its break) that holds a position, and where it starts. */
    int lineStart(int position) {
        int at = text.lastIndexOf('\n', position - 1);
        return at + 1;
    }

    int lineEnd(int position) {
        int at = text.indexOf('\n', position);
        return at < 0 ? text.length() : at;
    }

    /** The first word at or after a position. */
    int wordAt(int position) {
        int low = 0;
        int high = words.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (words.get(mid).end() > position) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
