package org.tandem.platform.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The first names Tandem recognises without a civility, and how much each one alone says: a
 * lexicon of 8,696 French and other first names (resources {@code privacy/first-names*.txt}; their
 * sources and licences are in {@code privacy/NOTICE-first-names.md}). Loaded once, read-only.
 */
final class NameLexicon {

    /** What a capitalised word is, as far as first names go. */
    enum Kind {
        /** not a first name */
        NONE,
        /** a first name and nothing else (Inès, Julien, Mamadou) */
        FIRST_NAME,
        /** a first name that is also a common word (Rose, Pierre, Claire): a word at a sentence's start */
        COMMON_WORD,
        /** a first name that is mostly a place (Florence, Nancy): a name when a surname follows */
        PLACE,
        /** a first name that alone is a brand, month, feast or city (Paris, Orange, Noël, Clio) */
        NEVER_ALONE
    }

    private static final NameLexicon INSTANCE = new NameLexicon();

    private final Set<String> firstNames = new HashSet<>();
    private final Map<String, Kind> special = new HashMap<>();
    private final Set<String> lowerCaseWords = new HashSet<>();

    private NameLexicon() {
        read("privacy/first-names.txt").forEach(n -> firstNames.add(Texts.fold(n)));
        read("privacy/first-names-common-words.txt").forEach(n -> special.put(Texts.fold(n), Kind.COMMON_WORD));
        read("privacy/first-names-lowercase-words.txt").forEach(n -> lowerCaseWords.add(Texts.fold(n)));
        for (String line : read("privacy/first-names-not-alone.txt")) {
            String[] parts = line.split("\\s+");
            special.put(Texts.fold(parts[0]), "place".equals(parts[1]) ? Kind.PLACE : Kind.NEVER_ALONE);
        }
    }

    static NameLexicon get() {
        return INSTANCE;
    }

    /** The kind of a word; a hyphenated word is a first name when each part is one (Marie-Hélène). */
    Kind kind(String word) {
        String folded = Texts.fold(word).replace('’', '\'');
        Kind known = special.get(folded);
        if (known != null) {
            return known;
        }
        if (firstNames.contains(folded)) {
            return Kind.FIRST_NAME;
        }
        if (folded.contains("-")) {
            String[] parts = folded.split("-");
            for (String part : parts) {
                if (!firstNames.contains(part)) {
                    return Kind.NONE;
                }
            }
            return Kind.FIRST_NAME;
        }
        return Kind.NONE;
    }

    /** Written in lower case, the name is also a word (« un jean », « la marine »). */
    boolean wordInLowerCase(String word) {
        return lowerCaseWords.contains(Texts.fold(word).replace('’', '\''));
    }

    boolean isFirstName(String word) {
        return kind(word) != Kind.NONE;
    }

    int size() {
        return firstNames.size();
    }

    private static java.util.List<String> read(String resource) {
        InputStream in = NameLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
