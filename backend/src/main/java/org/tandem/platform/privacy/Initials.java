package org.tandem.platform.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The initials written next to a name belong to it: « K. Benali », « J.-L. Fontaine », « JB Charrier »
 * before, « Julien B. » after. Without them the token would leave a fragment of the name in clear.
 * The name with its initials is one person token of its own (a name alone later, « Benali », is its
 * NOM part), so that restoration gives back the initials as written.
 */
final class Initials {

    private static final Pattern BEFORE =
            Pattern.compile("(?:(?<![\\p{L}\\p{N}.])(?!M\\.)\\p{Lu}\\.(?:[\\s\\-]?\\p{Lu}\\.)?"
                    + "|(?<![\\p{L}\\p{N}])(?!LE|LA|DE|DU|ET|EN|AU|UN|MR|MM)\\p{Lu}{2})[ \\u00A0]*$");
    private static final Pattern AFTER = Pattern.compile("^[ \\u00A0]\\p{Lu}\\.(?![\\p{L}\\p{N}])");
    private static final Pattern INITIAL_AT_END = Pattern.compile("[ \\u00A0]\\p{Lu}$");

    private Initials() {}

    /** The detection widened over initials found between floor and ceiling (the neighbouring detections). */
    static Detection around(Detection d, String text, int floor, int ceiling) {
        int start = d.start();
        int end = d.end();
        int from = Math.max(Math.max(floor, start - 8), text.lastIndexOf('\n', start - 1) + 1);
        Matcher before = BEFORE.matcher(text.substring(from, start));
        if (before.find()) {
            start = from + before.start();
        }
        Matcher after = AFTER.matcher(text.substring(end, Math.min(ceiling, end + 4)));
        if (after.find()) {
            end = end + after.end();
        } else if (end < ceiling
                && text.charAt(end) == '.'
                && INITIAL_AT_END.matcher(d.in(text)).find()) {
            // « Julien B » taken as a name: its initial's full stop belongs to it
            end++;
        }
        if (start == d.start() && end == d.end()) {
            return d;
        }
        // the token restores exactly what was written, initials included: it is keyed by that spelling, not by the
        // dossier's person or the bare name, whose tokens restore without the initials (« Benali », « Karim Benali »)
        String written = text.substring(start, end);
        String key = PseudonymMap.UNKNOWN_PERSON + Texts.fold(Texts.singleSpaced(written));
        return new Detection(start, end, d.kind(), key, null, written, d.priority());
    }
}
