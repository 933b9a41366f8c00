package org.tandem.platform.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The initials written next to a name belong to it: « K. Benali », « J.-L. Fontaine », « JB Charrier »
 * before, « Julien B. » after. Without them the token would leave a fragment of the name in clear.
 */
final class Initials {

    private static final Pattern BEFORE = Pattern.compile("(?:(?<![\\p{L}\\p{N}.])(?!M\\.)\\p{Lu}\\.(?:[\\s\\-]?\\p{Lu}\\.)?"
            + "|(?<![\\p{L}\\p{N}])(?!LE|LA|DE|DU|ET|EN|AU|UN|MR|MM)\\p{Lu}{2})[ \\u00A0]*$");
    private static final Pattern AFTER = Pattern.compile("^[ \\u00A0]\\p{Lu}\\.(?![\\p{L}\\p{N}])");

    private Initials() {}

    /** The detection widened over initials found between floor and ceiling (the neighbouring detections). */
    static Detection around(Detection d, String text, int floor, int ceiling) {
        int start = d.start();
        int end = d.end();
        Matcher before = BEFORE.matcher(text.substring(Math.max(floor, start - 8), start));
        if (before.find() && !text.substring(Math.max(floor, start - 8), start).contains("\n")) {
            start = Math.max(floor, start - 8) + before.start();
        }
        Matcher after = AFTER.matcher(text.substring(end, Math.min(ceiling, end + 4)));
        if (after.find()) {
            end = end + after.end();
        }
        if (start == d.start() && end == d.end()) {
            return d;
        }
        String restored = d.key().startsWith(PseudonymMap.UNKNOWN_PERSON) ? text.substring(start, end) : d.restored();
        return new Detection(start, end, d.kind(), d.key(), d.part(), restored, d.priority());
    }
}
