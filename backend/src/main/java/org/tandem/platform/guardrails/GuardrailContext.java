package org.tandem.platform.guardrails;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the output guardrails need to know about the case: flags detected in the request and the
 * dossier (never in the draft itself: a draft must not be able to switch its own rules off).
 */
public record GuardrailContext(Set<ContextFlag> flags) {

    public GuardrailContext {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public static GuardrailContext none() {
        return new GuardrailContext(Set.of());
    }

    /** Flags detected in the texts of the case: the subject, the member's message, the dossier's notes. */
    public static GuardrailContext of(String... caseTexts) {
        Set<ContextFlag> flags = EnumSet.noneOf(ContextFlag.class);
        for (String text : caseTexts) {
            if (DeathContext.detect(text).detected()) {
                flags.add(ContextFlag.DEATH);
            }
        }
        return new GuardrailContext(flags);
    }

    public boolean has(ContextFlag flag) {
        return flags.contains(flag);
    }
}
