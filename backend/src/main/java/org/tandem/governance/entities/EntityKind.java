package org.tandem.governance.entities;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** What an entity is, for people reading the organisation; the gate treats every kind alike. */
public enum EntityKind {
    AGENCY("agence"),
    SERVICE("service"),
    DIRECTORATE("direction");

    private final String french;

    EntityKind(String french) {
        this.french = french;
    }

    public String french() {
        return french;
    }

    /** AGENCY or « agence », whatever the case and accents (a CSV file written by hand). */
    public static Optional<EntityKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        for (EntityKind kind : values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(plain) || kind.french.equals(plain)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
