package org.tandem.platform.guardrails;

import java.util.List;

/**
 * A use case's rules for its drafts, as its YAML would carry them:
 * <pre>
 * guardrails:
 *   minLength: 300
 *   maxLength: 4000
 *   requiredMentions:
 *     - "Votre conseiller"
 *     - {regex: "(?i)salutations|sentiments|cordialement", label: "une formule de politesse"}
 *   forbiddenOpenings:
 *     - {when: DEATH, phrases: ["nous vous remercions de votre confiance"], reasonFr: "…"}
 * </pre>
 * Lengths are in characters of the restored text. {@link ForbiddenOpening#AFTER_A_DEATH} always
 * applies on top of the use case's own forbidden openings.
 */
public record GuardrailRules(
        Integer minLength,
        Integer maxLength,
        List<RequiredMention> requiredMentions,
        List<ForbiddenOpening> forbiddenOpenings) {

    public GuardrailRules {
        requiredMentions = requiredMentions == null ? List.of() : List.copyOf(requiredMentions);
        forbiddenOpenings = forbiddenOpenings == null ? List.of() : List.copyOf(forbiddenOpenings);
        if (minLength != null && maxLength != null && minLength > maxLength) {
            throw new IllegalArgumentException("minLength " + minLength + " > maxLength " + maxLength);
        }
    }

    /** Only the rules every draft obeys: no leftover token, no placeholder unnoticed, the tone after a death. */
    public static GuardrailRules none() {
        return new GuardrailRules(null, null, List.of(), List.of());
    }
}
