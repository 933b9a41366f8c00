package org.tandem.platform.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recogniser made of a pattern, an optional check (checksum, plausibility) and a key function.
 * When the pattern has a group named {@code id}, only that group is replaced ("contrat n° <id>").
 */
record PatternRecogniser(
        TokenKind kind, Pattern pattern, Predicate<String> valid, Function<String, String> key, int priority)
        implements Recogniser {

    static PatternRecogniser of(
            TokenKind kind, Pattern pattern, Predicate<String> valid, Function<String, String> key) {
        return new PatternRecogniser(kind, pattern, valid, key, Detection.RECOGNISED);
    }

    @Override
    public List<Detection> find(String text) {
        List<Detection> found = new ArrayList<>();
        boolean grouped = pattern.pattern().contains("(?<id>");
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int start = grouped ? m.start("id") : m.start();
            int end = grouped ? m.end("id") : m.end();
            if (start < 0) {
                continue;
            }
            String value = text.substring(start, end);
            if (valid.test(value)) {
                found.add(new Detection(start, end, kind, kind + "|" + key.apply(value), null, value, priority));
            }
        }
        return found;
    }
}
