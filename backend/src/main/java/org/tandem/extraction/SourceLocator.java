package org.tandem.extraction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.platform.usecase.UseCase;

/**
 * Finds where an extracted value is written in the document, so the adviser checks it against
 * its source. Exact first, then ignoring case and spacing; numbers also with comma or dot, dates
 * also as JJ/MM/AAAA. Nothing found: the span is empty and the screen says « source introuvable ».
 */
public final class SourceLocator {

    private SourceLocator() {}

    public record Span(int start, int end) {}

    public static Optional<Span> locate(String document, String value, UseCase useCase, UseCase.FieldSpec field) {
        if (document == null || value == null || value.isBlank()) {
            return Optional.empty();
        }
        // the use case's pattern knows the field's context (the "1" after « sinistres responsables »)
        var byPattern = OfflineExtractor.find(useCase, field.name(), document);
        if (byPattern.isPresent()
                && FieldValues.sameValue(field.type(), byPattern.get().text(), value)) {
            return Optional.of(new Span(byPattern.get().start(), byPattern.get().end()));
        }
        boolean numeric = field.type() == UseCase.FieldType.number || field.type() == UseCase.FieldType.integer;
        if (numeric && value.replaceAll("\\D", "").length() < 3) {
            // a short number ("1") stands in many places: without its label's context, no source is claimed
            return Optional.empty();
        }
        for (String variant : variants(value.strip(), field.type())) {
            Optional<Span> span = field.type() == UseCase.FieldType.number || field.type() == UseCase.FieldType.integer
                    ? find(document, "(?<![\\w.,/-])" + Pattern.quote(variant) + "(?![.,]?\\d)", 0)
                    : exact(document, variant);
            if (span.isPresent()) {
                return span;
            }
        }
        for (String variant : variants(value.strip(), field.type())) {
            List<String> words = new ArrayList<>();
            for (String w : variant.split("\\s+")) {
                words.add(Pattern.quote(w));
            }
            Optional<Span> span =
                    find(document, String.join("\\s+", words), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            if (span.isPresent()) {
                return span;
            }
        }
        return Optional.empty();
    }

    /** The passage around a span, for the person checking it. */
    public static String excerpt(String document, Integer start, Integer end, int around) {
        if (document == null || start == null || end == null || start < 0 || end > document.length()) {
            return null;
        }
        int from = Math.max(0, start - around);
        int to = Math.min(document.length(), end + around);
        return (from > 0 ? "…" : "") + document.substring(from, to) + (to < document.length() ? "…" : "");
    }

    private static Optional<Span> exact(String document, String value) {
        int i = document.indexOf(value);
        return i < 0 ? Optional.empty() : Optional.of(new Span(i, i + value.length()));
    }

    private static Optional<Span> find(String document, String regex, int flags) {
        Matcher m = Pattern.compile(regex, flags).matcher(document);
        return m.find() ? Optional.of(new Span(m.start(), m.end())) : Optional.empty();
    }

    private static List<String> variants(String value, UseCase.FieldType type) {
        Set<String> out = new LinkedHashSet<>();
        out.add(value);
        if (type == UseCase.FieldType.number || type == UseCase.FieldType.integer) {
            out.add(value.replace('.', ','));
            out.add(value.replace(',', '.'));
            if (value.matches("\\d+[.,]\\d*0")) {
                // 0.80 may be written 0,8 and the reverse
                String trimmed = value.replaceAll("0+$", "").replaceAll("[.,]$", "");
                out.add(trimmed);
                out.add(trimmed.replace('.', ','));
            }
            if (value.matches("\\d+[.,]\\d")) {
                out.add(value + "0");
                out.add((value + "0").replace('.', ','));
            }
        }
        if (type == UseCase.FieldType.date) {
            FieldValues.normaliseDate(value).ifPresent(out::add);
        }
        return new ArrayList<>(out);
    }
}
