package org.tandem.platform.privacy;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tandem.platform.ai.AiProperties;
import org.tandem.platform.footprint.Hosting;

/**
 * When prompts are pseudonymised, and the insurer's own reference formats ({@code tandem.privacy.*}).
 *
 * <p>Default: {@link When#ALWAYS}, for every model provider, our own servers included. The
 * reason is {@link AiProperties#hosting()}: it defaults to "on-premises" for any OpenAI-compatible
 * server, which may as well be a public endpoint, and a wrong guess there must not send members'
 * data in clear. {@link When#OFF_PREMISES} skips pseudonymisation for providers explicitly hosted
 * on our premises (slightly better drafts: the model sees real names). The offline drafter is
 * never pseudonymised: nothing leaves the JVM.
 *
 * @param referencePatterns added to {@link ReferencePattern#defaults()}, e.g. the insurer's claim
 *                          number format: {@code - kind: SINISTRE, regex: "\\bCLM\\d{8}\\b"}
 */
@ConfigurationProperties("tandem.privacy")
public record PrivacyProperties(When pseudonymise, List<ReferencePattern> referencePatterns) {

    public enum When {
        ALWAYS,
        OFF_PREMISES
    }

    public PrivacyProperties {
        pseudonymise = pseudonymise == null ? When.ALWAYS : pseudonymise;
        referencePatterns = referencePatterns == null ? List.of() : List.copyOf(referencePatterns);
    }

    /** Whether prompts for this provider must be pseudonymised. */
    public boolean pseudonymises(AiProperties ai) {
        if (ai.provider() == AiProperties.Provider.OFFLINE) {
            return false;
        }
        return pseudonymise == When.ALWAYS || !Hosting.ON_PREMISES.equals(ai.hosting());
    }

    /** The defaults, then the configured patterns. */
    public List<ReferencePattern> allReferencePatterns() {
        List<ReferencePattern> all = new ArrayList<>(ReferencePattern.defaults());
        all.addAll(referencePatterns);
        return all;
    }
}
