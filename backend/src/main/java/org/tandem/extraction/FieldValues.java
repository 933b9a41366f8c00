package org.tandem.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.web.ApiException;

/** Checks a value against its field's type and writes it in one form (dates JJ/MM/AAAA, numbers with a dot). */
public final class FieldValues {

    static final DateTimeFormatter FRENCH =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_LENGTH = 500;

    private FieldValues() {}

    /** @throws ApiException 400 with a French message when the value does not fit the type */
    public static String normalise(UseCase.FieldType type, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw ApiException.invalidField("value", "Saisissez la valeur, ou choisissez « Absent du document ».");
        }
        if (value.length() > MAX_LENGTH) {
            throw ApiException.invalidField("value", "La valeur ne doit pas dépasser 500 caractères.");
        }
        return switch (type) {
            case string -> value;
            case integer -> {
                if (!value.matches("[+-]?\\d{1,9}")) {
                    throw ApiException.invalidField("value", "La valeur « " + value + " » n'est pas un nombre entier.");
                }
                yield String.valueOf(Integer.parseInt(value));
            }
            case number -> {
                try {
                    if (!value.matches("[+-]?\\d+([.,]\\d+)?")) {
                        throw new NumberFormatException();
                    }
                    yield new BigDecimal(value.replace(',', '.'))
                            .stripTrailingZeros()
                            .toPlainString();
                } catch (NumberFormatException e) {
                    throw ApiException.invalidField("value", "La valeur « " + value + " » n'est pas un nombre.");
                }
            }
            case date ->
                normaliseDate(value)
                        .orElseThrow(() -> ApiException.invalidField(
                                "value", "La valeur « " + value + " » n'est pas une date au format JJ/MM/AAAA."));
        };
    }

    static Optional<String> normaliseDate(String value) {
        try {
            return Optional.of(LocalDate.parse(value, FRENCH).format(FRENCH));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(value).format(FRENCH));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /** The same value whatever its spelling (0,85 and 0.85; 2019-03-15 and 15/03/2019; case and spaces). */
    static boolean sameValue(UseCase.FieldType type, String a, String b) {
        try {
            return normalise(type, a)
                    .replaceAll("\\s+", " ")
                    .equalsIgnoreCase(normalise(type, b).replaceAll("\\s+", " "));
        } catch (ApiException e) {
            return a.strip().equalsIgnoreCase(b.strip());
        }
    }
}
