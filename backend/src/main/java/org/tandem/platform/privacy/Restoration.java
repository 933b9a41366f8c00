package org.tandem.platform.privacy;

import java.util.List;

/**
 * A draft with the real values back, and what could not be put back.
 *
 * @param unknownTokens     bracketed tokens the map does not hold (the model invented or renumbered them)
 * @param unbracketedTokens tokens that lost their brackets: not restored, since "PERSONNE_1" may be
 *                          the model quoting a token rather than naming someone
 */
public record Restoration(String text, List<String> unknownTokens, List<String> unbracketedTokens) {

    public Restoration {
        unknownTokens = List.copyOf(unknownTokens);
        unbracketedTokens = List.copyOf(unbracketedTokens);
    }

    /** Every token was put back: nothing of the pseudonymisation remains in the text. */
    public boolean complete() {
        return unknownTokens.isEmpty() && unbracketedTokens.isEmpty();
    }

    /** The text holds real personal data: never printed. */
    @Override
    public String toString() {
        return "Restoration[" + text.length() + " caractères, jetons inconnus=" + unknownTokens
                + ", jetons sans crochets=" + unbracketedTokens + "]";
    }
}
