package org.tandem.platform.privacy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Text helpers shared by the matchers: accent folding and accent-insensitive patterns. */
final class Texts {

    /** Not preceded by a letter or digit: a word start that also works before accented letters. */
    static final String START = "(?<![\\p{L}\\p{N}])";
    /** Not followed by a letter or digit. */
    static final String END = "(?![\\p{L}\\p{N}])";
    /** One separator people put inside numbers: space, no-break spaces, dot, hyphen. */
    static final String SEP = "[ \\t\\u00A0\\u202F.\\-]";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern FORMAT_CHARACTERS = Pattern.compile("\\p{Cf}");

    /** Every accented form a letter takes in French (and a few neighbours), for matching "Lefevre" as "Lefèvre". */
    private static final Map<Character, String> VARIANTS = Map.ofEntries(
            Map.entry('a', "aàâäáãå"),
            Map.entry('c', "cç"),
            Map.entry('e', "eéèêë"),
            Map.entry('i', "iîïíì"),
            Map.entry('n', "nñ"),
            Map.entry('o', "oôöóòõø"),
            Map.entry('u', "uùûüú"),
            Map.entry('y', "yÿý"));

    private Texts() {}

    /** Each run of white space one space, with a pattern compiled once (called for each name found). */
    static String singleSpaced(String s) {
        return WHITESPACE.matcher(s).replaceAll(" ");
    }

    /** Lower case without accents: "Lefèvre" and "LEFEVRE" fold alike. */
    static String fold(String s) {
        if (ascii(s)) {
            return s.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed)
                .replaceAll("")
                .replace("œ", "oe")
                .replace("æ", "ae")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Lower case without accents, one character for one (« œ » stays one character): offsets found
     * in the result are offsets in the original text.
     */
    static String foldKeepingOffsets(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                out.append(Character.toLowerCase(c));
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            out.append(Character.toLowerCase(decomposed.isEmpty() ? c : decomposed.charAt(0)));
        }
        return out.toString();
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * Zero-width and other invisible format characters removed: "Mar\u200Btin" would otherwise slip
     * past exact matching. The text the model gets loses nothing a reader sees.
     */
    static String withoutFormatCharacters(String s) {
        return FORMAT_CHARACTERS.matcher(s).replaceAll("");
    }

    /**
     * A regex matching {@code value} whatever its case and accents, with flexible spaces and
     * hyphens between words; used with {@link Pattern#CASE_INSENSITIVE} and {@link Pattern#UNICODE_CASE}.
     */
    static String flexible(String value) {
        String base = fold(value.strip());
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (c == 'o' && i + 1 < base.length() && base.charAt(i + 1) == 'e') {
                regex.append("(?:œ|[oôöóòõø]\\p{M}*[eéèêë])\\p{M}*");
                i++;
            } else if (Character.isLetter(c)) {
                String variants = VARIANTS.getOrDefault(c, String.valueOf(c));
                regex.append(variants.length() == 1 ? Pattern.quote(variants) : "[" + variants + "]")
                        .append("\\p{M}*");
            } else if (Character.isWhitespace(c) || c == '-' || c == '\'' || c == '’') {
                // "Jean-Pierre" / "Jean Pierre", "N'Diaye" / "N’Diaye" / "N Diaye"
                while (i + 1 < base.length() && isWordSeparator(base.charAt(i + 1))) {
                    i++;
                }
                regex.append("[\\s\\u00A0\\-'’]{1,3}");
            } else if (c == ',' || c == '.') {
                regex.append(Pattern.quote(String.valueOf(c))).append("?");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static boolean isWordSeparator(char c) {
        return Character.isWhitespace(c) || c == '-' || c == '\'' || c == '’';
    }

    /** Only the characters that carry the value: "FR76 3000-6000" → "FR7630006000". */
    static String compact(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }
}
