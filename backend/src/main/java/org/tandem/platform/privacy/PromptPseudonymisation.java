package org.tandem.platform.privacy;

import org.springframework.stereotype.Component;
import org.tandem.platform.ai.AiProperties;
import org.tandem.members.MemberRepository;

/**
 * Opens the pseudonymisation session of one model call for a case's member, or a pass-through one
 * when nothing leaves the JVM (offline drafter) or the configuration says the provider may see
 * clear text (see {@link PrivacyProperties}).
 */
@Component
public class PromptPseudonymisation {

    private final Pseudonymiser pseudonymiser;
    private final PrivacyProperties privacy;
    private final AiProperties ai;
    private final MemberRepository members;

    PromptPseudonymisation(Pseudonymiser pseudonymiser, PrivacyProperties privacy, AiProperties ai,
                           MemberRepository members) {
        this.pseudonymiser = pseudonymiser;
        this.privacy = privacy;
        this.ai = ai;
        this.members = members;
    }

    /** @param offline true when the call stays in the JVM (the offline drafter) */
    public PseudonymisationSession sessionFor(String memberId, boolean offline) {
        if (offline || !privacy.pseudonymises(ai)) {
            return PseudonymisationSession.disabled();
        }
        MemberIdentity known = memberId == null ? MemberIdentity.none()
                : members.findById(memberId).map(MemberIdentity::of).orElse(MemberIdentity.none());
        return PseudonymisationSession.of(pseudonymiser, known);
    }
}
