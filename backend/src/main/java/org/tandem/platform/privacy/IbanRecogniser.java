package org.tandem.platform.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBANs written in one block or in groups ("FR76 3000 6000 0112 3456 7890 189"). The length comes
 * from the country when we know it, so a following word is never swallowed; otherwise the longest
 * run that passes the mod-97 check is taken. A run that fails the check is left alone.
 */
final class IbanRecogniser implements Recogniser {

    /** ISO 13616 lengths of the countries our members bank in most; others are found by their check alone. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("FR", 27),
            Map.entry("MC", 27),
            Map.entry("DE", 22),
            Map.entry("BE", 16),
            Map.entry("ES", 24),
            Map.entry("IT", 27),
            Map.entry("LU", 20),
            Map.entry("CH", 21),
            Map.entry("GB", 22),
            Map.entry("NL", 18),
            Map.entry("PT", 25),
            Map.entry("AT", 20),
            Map.entry("IE", 22),
            Map.entry("AD", 24),
            Map.entry("MA", 28));

    private static final Pattern START = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}");

    @Override
    public List<Detection> find(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = START.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            Detection d = at(text, m.start());
            if (d != null) {
                found.add(d);
                from = d.end();
            } else {
                from = m.start() + 1;
            }
        }
        return found;
    }

    private static Detection at(String text, int start) {
        String country = text.substring(start, start + 2).toUpperCase();
        // the positions where the compact IBAN reaches each length
        List<Integer> ends = new ArrayList<>();
        StringBuilder compact = new StringBuilder();
        int i = start;
        while (i < text.length() && compact.length() < 34) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                compact.append(Character.toUpperCase(c));
                i++;
                ends.add(i);
            } else if (isSeparator(c)
                    && i + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(i + 1))
                    && compact.length() >= 4) {
                i++;
            } else {
                break;
            }
        }
        Integer expected = LENGTHS.get(country);
        for (int length = compact.length(); length >= 15; length--) {
            if (expected != null && length != expected) {
                continue;
            }
            int end = ends.get(length - 1);
            boolean wordEnds = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
            String candidate = compact.substring(0, length);
            if (wordEnds && Checksums.iban(candidate)) {
                return new Detection(
                        start,
                        end,
                        TokenKind.IBAN,
                        "IBAN|" + candidate,
                        null,
                        text.substring(start, end),
                        Detection.RECOGNISED);
            }
        }
        return null;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '-';
    }
}
