package org.tandem.platform.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Which token stands for which real value, for one case. Immutable: each pseudonymisation of a
 * further text (system prompt, request, passages, a reviewer's instruction) returns a map extended
 * with the new values, the earlier tokens unchanged.
 *
 * <p><b>The map holds the very data pseudonymisation keeps from the provider, so it lives in memory
 * only, for the duration of one model call.</b> It is rebuilt from the dossier and the texts each
 * time (the same inputs give the same tokens), and never stored, logged or audited:
 * <ul>
 *   <li>{@link #toString()} prints the number of tokens per kind, never a value;</li>
 *   <li>it is not {@link java.io.Serializable} and exposes no bean property, so it cannot become a
 *       Camunda process variable (Java serialisation fails) and Jackson finds nothing to write
 *       (it refuses an empty bean by default);</li>
 *   <li>the real values are reachable only through {@link #restore(String)}.</li>
 * </ul>
 */
public final class PseudonymMap {

    /** Key prefix of people found after a civility, followed by the folded name (see {@link CivilityNameRecogniser}). */
    static final String UNKNOWN_PERSON = "PERSONNE|name:";

    private static final PseudonymMap EMPTY = new PseudonymMap(Map.of(), Map.of(), Map.of());

    /** entity key ("TEL|0612345678", "PERSONNE|person#0") → entity label ("TEL_1", "PERSONNE_1") */
    private final Map<String, String> labelByKey;
    /** label, with its part when a person's ("PERSONNE_1_NOM") → value restored */
    private final Map<String, String> valueByLabel;

    private final Map<TokenKind, Integer> countByKind;

    private PseudonymMap(
            Map<String, String> labelByKey, Map<String, String> valueByLabel, Map<TokenKind, Integer> countByKind) {
        this.labelByKey = labelByKey;
        this.valueByLabel = valueByLabel;
        this.countByKind = countByKind;
    }

    public static PseudonymMap empty() {
        return EMPTY;
    }

    /** Number of entities (a person counts once, with or without the NOM and PRENOM tokens). */
    public int size() {
        return labelByKey.size();
    }

    /** The labels issued ("PERSONNE_1", "EMAIL_1"…): safe to show, they carry no value. */
    public Set<String> labels() {
        return Collections.unmodifiableSet(valueByLabel.keySet());
    }

    /** For tests in this package: the value behind a label. */
    Optional<String> valueOf(String label) {
        return Optional.ofNullable(valueByLabel.get(label));
    }

    /**
     * The draft with the real values back. Tokens the model echoed with a different case, inner
     * spaces or doubled brackets are restored; tokens without brackets and tokens this map never
     * issued are left as they are and reported, for the output guardrail to stop the draft.
     */
    public Restoration restore(String draft) {
        if (draft == null) {
            return new Restoration(null, List.of(), List.of());
        }
        List<String> unknown = new ArrayList<>();
        Matcher m = PseudonymTokens.BRACKETED.matcher(draft);
        StringBuilder out = new StringBuilder(draft.length());
        while (m.find()) {
            String label = PseudonymTokens.canonical(m);
            String value = valueByLabel.get(label);
            if (value == null) {
                unknown.add(m.group());
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        m.appendTail(out);
        String restored = out.toString();
        Matcher invented = PseudonymTokens.TOKEN_LIKE.matcher(restored);
        while (invented.find()) {
            if (!unknown.contains(invented.group())) {
                unknown.add(invented.group());
            }
        }
        List<String> bare = new ArrayList<>();
        Matcher b = PseudonymTokens.BARE.matcher(restored);
        while (b.find()) {
            bare.add(b.group());
        }
        return new Restoration(restored, unknown, bare);
    }

    /** Counts only: a map printed in a log or an exception message must not leak what it protects. */
    @Override
    public String toString() {
        return "PseudonymMap[" + size() + " jetons " + countByKind + "]";
    }

    /** A one-word name key is the first or last word of a full name key ("name:marc", "name:marc dumont"). */
    static boolean partOf(String oneWord, String fullName) {
        String word = oneWord.substring(UNKNOWN_PERSON.length());
        String full = fullName.substring(UNKNOWN_PERSON.length());
        return full.endsWith(" " + word) || full.startsWith(word + " ");
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Extends a map while one text is pseudonymised; tokens are numbered per kind in order of appearance. */
    static final class Builder {
        private final Map<String, String> labelByKey;
        private final Map<String, String> valueByLabel;
        private final Map<TokenKind, Integer> countByKind;

        private Builder(PseudonymMap from) {
            labelByKey = new LinkedHashMap<>(from.labelByKey);
            valueByLabel = new LinkedHashMap<>(from.valueByLabel);
            countByKind = new EnumMap<>(TokenKind.class);
            countByKind.putAll(from.countByKind);
        }

        /** The member and the dossier's related persons take PERSONNE_1, PERSONNE_2… whether or not they appear. */
        void reservePerson(String key, PersonName person) {
            String label = labelFor(key, TokenKind.PERSONNE, person.fullName());
            valueByLabel.putIfAbsent(label + "_NOM", person.lastName());
            if (!person.firstName().isEmpty()) {
                valueByLabel.putIfAbsent(label + "_PRENOM", person.firstName());
            }
        }

        /** The bracketed token for a detection, issuing a new one for a value not seen before in the case. */
        String tokenFor(Detection d) {
            String fullName = d.part() == null ? fullNameEndingWith(d.key()) : null;
            if (fullName != null) {
                // "Mme Perrin" after "Mme Sylvie Perrin": the same person's last name; "Marc" after "Marc Dumont"
                String part = fullName.endsWith(" " + d.key().substring(UNKNOWN_PERSON.length())) ? "_NOM" : "_PRENOM";
                String partLabel = labelByKey.get(fullName) + part;
                valueByLabel.putIfAbsent(partLabel, d.restored());
                return PseudonymTokens.bracketed(partLabel);
            }
            String label = labelFor(d.key(), d.kind(), d.restored());
            if (d.part() == null) {
                return PseudonymTokens.bracketed(label);
            }
            String partLabel = label + "_" + d.part();
            valueByLabel.putIfAbsent(partLabel, d.restored());
            return PseudonymTokens.bracketed(partLabel);
        }

        /** For a one-word name, the key of a full name already seen that starts or ends with it. */
        private String fullNameEndingWith(String key) {
            if (!key.startsWith(UNKNOWN_PERSON) || key.contains(" ") || labelByKey.containsKey(key)) {
                return null;
            }
            return labelByKey.keySet().stream()
                    .filter(k -> k.startsWith(UNKNOWN_PERSON) && partOf(key, k))
                    .findFirst()
                    .orElse(null);
        }

        private String labelFor(String key, TokenKind kind, String restored) {
            String label = labelByKey.get(key);
            if (label == null) {
                int n = countByKind.merge(kind, 1, Integer::sum);
                label = PseudonymTokens.label(kind, n, null);
                labelByKey.put(key, label);
                valueByLabel.put(label, restored);
            }
            return label;
        }

        PseudonymMap build() {
            return new PseudonymMap(
                    Collections.unmodifiableMap(labelByKey),
                    Collections.unmodifiableMap(valueByLabel),
                    Collections.unmodifiableMap(countByKind));
        }
    }
}
