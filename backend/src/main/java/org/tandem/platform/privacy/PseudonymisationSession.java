package org.tandem.platform.privacy;

/**
 * The pseudonymisation of one model call: every text of the prompt goes through {@link #pseudonymise},
 * in a fixed order (system prompt, request, passages, instructions), then the answer through
 * {@link #restore}. Holds the growing {@link PseudonymMap}; create one per call, on the stack, and
 * let it go with the call — it is the only place the map exists.
 *
 * <p>Not thread-safe (one call, one thread). {@link #disabled()} passes texts through unchanged,
 * for the offline drafter and for providers on our premises when so configured.
 */
public final class PseudonymisationSession {

    private final Pseudonymiser pseudonymiser;
    private final MemberIdentity known;
    /** The dossier's values compiled once for the call's texts (issue 18: twice an AI step before). */
    private KnownValues values;

    private PseudonymMap map = PseudonymMap.empty();

    private PseudonymisationSession(Pseudonymiser pseudonymiser, MemberIdentity known) {
        this.pseudonymiser = pseudonymiser;
        this.known = known;
    }

    public static PseudonymisationSession of(Pseudonymiser pseudonymiser, MemberIdentity known) {
        return new PseudonymisationSession(pseudonymiser, known);
    }

    public static PseudonymisationSession disabled() {
        return new PseudonymisationSession(null, MemberIdentity.none());
    }

    public boolean enabled() {
        return pseudonymiser != null;
    }

    /** The text as the provider may see it; values already seen in this call keep their tokens. */
    public String pseudonymise(String text) {
        if (!enabled()) {
            return text;
        }
        if (values == null) {
            values = new KnownValues(known);
        }
        Pseudonymised result = pseudonymiser.pseudonymise(text, known, values, map);
        map = result.map();
        return result.text();
    }

    /** To append to the pseudonymised system prompt: how to handle the tokens; empty when disabled. */
    public String promptNote() {
        return enabled() ? PseudonymTokens.PROMPT_NOTE_FR : "";
    }

    /** The model's answer with the real values back, and what could not be put back. */
    public Restoration restore(String answer) {
        return enabled() ? map.restore(answer) : new Restoration(answer, java.util.List.of(), java.util.List.of());
    }

    /** How many values were hidden, for the audit (a count, never a value). */
    public int tokenCount() {
        return map.size();
    }

    @Override
    public String toString() {
        return "PseudonymisationSession[" + (enabled() ? map : "désactivée") + "]";
    }
}
