package org.tandem.platform.privacy;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pattern for the insurer's own references (policy, claim and member numbers), which differ
 * from one insurer to the next and are therefore configurable. A group named {@code id} limits
 * the replacement to the number itself ("contrat n° <id>"), leaving the words in place.
 */
public record ReferencePattern(TokenKind kind, String regex) {

    public ReferencePattern {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(regex, "regex");
        Pattern.compile(regex); // fails at start-up, not on the first case
    }

    Pattern compiled() {
        return Pattern.compile(regex, Pattern.UNICODE_CASE);
    }

    private static final String NUMBER = "(?<id>[A-Z0-9](?:[A-Z0-9]|[\\-/.](?=[A-Z0-9])){5,29})(?![\\p{L}\\p{N}])";

    /** Tandem's demo formats (AUTO-2024-118734, SIN-2024-00871) and numbers announced as such. */
    public static List<ReferencePattern> defaults() {
        return List.of(
                new ReferencePattern(
                        TokenKind.CONTRAT,
                        "(?<![\\p{L}\\p{N}])(?:AUTO|HAB|MRH|SANTE|PREV|VIE|PJ|MOTO|RC|PRO)-\\d{4}-\\d{4,8}(?![\\p{L}\\p{N}])"),
                new ReferencePattern(TokenKind.SINISTRE, "(?<![\\p{L}\\p{N}])SIN-\\d{4}-\\d{3,8}(?![\\p{L}\\p{N}])"),
                new ReferencePattern(
                        TokenKind.CONTRAT,
                        "(?i:\\b(?:contrat|(?<!de\\s)police|adh[ée]sion)\\s*(?:n°|no\\.?|num[ée]ro"
                                + "|num\\.)\\s*:?\\s*)" + NUMBER),
                new ReferencePattern(
                        TokenKind.CONTRAT,
                        "(?i:\\b(?:n°|num[ée]ro)\\s*(?:de\\s+)?(?:contrat|police)" + "\\s*:?\\s*)" + NUMBER),
                new ReferencePattern(
                        TokenKind.SINISTRE,
                        "(?i:\\b(?:sinistre|dossier\\s+sinistre)\\s*(?:n°|no\\.?" + "|num[ée]ro|r[ée]f\\.?)\\s*:?\\s*)"
                                + NUMBER),
                new ReferencePattern(
                        TokenKind.SINISTRE,
                        "(?i:\\b(?:n°|num[ée]ro)\\s*(?:de\\s+)?(?:sinistre|dossier)" + "\\s*:?\\s*)" + NUMBER),
                new ReferencePattern(
                        TokenKind.SOCIETAIRE,
                        "(?i:\\b(?:n°|num[ée]ro)\\s*(?:de\\s+)?(?:soci[ée]taire" + "|adh[ée]rent)\\s*:?\\s*)"
                                + NUMBER));
    }
}
