package org.tandem.drafting;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user message Tandem sends for a draft. The member's text is fenced as data, never as
 * instructions. The same format is parsed back by the offline drafter.
 */
public record DraftPrompt(String useCaseKey, String subject, String memberMessage) {

    private static final Pattern USE_CASE = Pattern.compile("^Cas d'usage : (.+)$", Pattern.MULTILINE);
    private static final Pattern SUBJECT = Pattern.compile("^Objet : (.+)$", Pattern.MULTILINE);
    private static final Pattern MESSAGE = Pattern.compile(
            "<message_societaire>\\n?(.*?)\\n?</message_societaire>", Pattern.DOTALL);

    public String render() {
        return "Cas d'usage : " + useCaseKey + "\n"
                + "Objet : " + oneLine(subject) + "\n"
                + "Rédige le projet de courrier de réponse au message ci-dessous.\n"
                + "<message_societaire>\n" + fence(memberMessage) + "\n</message_societaire>\n";
    }

    public static DraftPrompt parse(String text) {
        return new DraftPrompt(group(USE_CASE, text), group(SUBJECT, text), group(MESSAGE, text));
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).trim() : "";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /** A member cannot close the fence to smuggle instructions outside it. */
    private static String fence(String s) {
        return s.replace("</message_societaire>", "</message_societaire_>")
                .replace("<message_societaire>", "<message_societaire_>");
    }
}
