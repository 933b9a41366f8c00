package org.tandem.content;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tandem.content.review.ContentVersion;
import org.tandem.content.review.ContentVersionRepository;

/** The text that would be sent if approved now: the latest saved version of the latest draft, or that draft. */
@Component
public class CurrentText {

    public record Current(Draft draft, Optional<ContentVersion> version) {
        public String text() {
            return version.map(ContentVersion::text).orElse(draft.text());
        }

        /**
         * The model's draft this text descends from, which its AI share is measured against; none when
         * people wrote it by hand (after a failure or a rejection, the AI's text is not its source) or
         * when the offline drafter filled the use case's template (no model wrote a word of it).
         */
        public Optional<Draft> aiSource() {
            return draft.producer().isAi() ? Optional.of(draft) : Optional.empty();
        }
    }

    private final DraftRepository drafts;
    private final ContentVersionRepository versions;

    CurrentText(DraftRepository drafts, ContentVersionRepository versions) {
        this.drafts = drafts;
        this.versions = versions;
    }

    public Optional<Current> of(long caseId) {
        return drafts.latest(caseId).map(d -> new Current(d, versions.latestFor(caseId, d.id())));
    }

    /**
     * The same from rows the caller has read already (the case's page reads its latest draft and every version
     * anyway): no query of its own.
     *
     * @param caseVersions the case's versions, in their order
     */
    public static Current of(Draft latest, List<ContentVersion> caseVersions) {
        Optional<ContentVersion> version = Optional.empty();
        for (ContentVersion v : caseVersions) {
            if (v.draftId() == latest.id()
                    && version.map(k -> v.versionNo() > k.versionNo()).orElse(true)) {
                version = Optional.of(v);
            }
        }
        return new Current(latest, version);
    }
}
