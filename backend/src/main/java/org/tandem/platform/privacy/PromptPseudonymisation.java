package org.tandem.platform.privacy;

import org.springframework.stereotype.Component;
import org.tandem.platform.ai.AiProperties;

/**
 * Opens the pseudonymisation session of one model call for what the dossier knows of its member, or
 * a pass-through one when nothing leaves the JVM (offline drafter) or the configuration says the
 * provider may see clear text (see {@link PrivacyProperties}).
 */
@Component
public class PromptPseudonymisation {

    private final Pseudonymiser pseudonymiser;
    private final PrivacyProperties privacy;
    private final AiProperties ai;

    PromptPseudonymisation(Pseudonymiser pseudonymiser, PrivacyProperties privacy, AiProperties ai) {
        this.pseudonymiser = pseudonymiser;
        this.privacy = privacy;
        this.ai = ai;
    }

    /**
     * @param known   the member's identity as the dossier knows it ({@link MemberIdentity#none()} if none)
     * @param offline true when the call stays in the JVM (the offline drafter)
     */
    public PseudonymisationSession sessionFor(MemberIdentity known, boolean offline) {
        if (offline || !privacy.pseudonymises(ai)) {
            return PseudonymisationSession.disabled();
        }
        return PseudonymisationSession.of(pseudonymiser, known);
    }
}
