package org.tandem.platform.privacy;

/**
 * One identifier found in a text: where it is, what it is, and how it is keyed so that the same
 * value gets the same token everywhere in a case ("06 12 34 56 78" and "+33612345678" share a key).
 *
 * @param key      the entity this value belongs to, normalised (e.g. "TEL|0612345678", "person#0")
 * @param part     for a person: NOM or PRENOM when only that part was written; null otherwise
 * @param restored what the token is restored to: the dossier's spelling when known, else the text as found
 * @param priority breaks ties between detections of the same span: the dossier's exact values win
 */
public record Detection(int start, int end, TokenKind kind, String key, String part, String restored, int priority) {

    static final int RECOGNISED = 0;
    static final int CONTEXTUAL = 1;
    static final int KNOWN = 2;

    public int length() {
        return end - start;
    }

    public boolean overlaps(Detection other) {
        return start < other.end && other.start < end;
    }

    public String in(String text) {
        return text.substring(start, end);
    }

    /** Never printed in clear. */
    @Override
    public String toString() {
        return "Detection[" + kind + " " + start + ".." + end + "]";
    }
}
