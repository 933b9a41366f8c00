package org.tandem.platform.guardrails;

/**
 * One passage of an untrusted text that reads like an instruction to the model.
 *
 * @param excerpt the passage, normalised (lower case, no accents), at most 80 characters: enough for
 *                the reviewer to find it, short enough to store with the draft
 */
public record InjectionFlag(InjectionKind kind, String excerpt) {

    public String code() {
        return kind.name();
    }

    /** For the reviewer: « Le message demande à l'IA d'ignorer… : "ignore les instructions…" ». */
    public String messageFr() {
        return "Le texte " + kind.explanationFr() + " : « " + excerpt + " »";
    }
}
