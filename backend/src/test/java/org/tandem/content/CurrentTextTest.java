package org.tandem.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.content.review.ContentVersion;

/** The current text made from rows already read: the latest draft's latest version, or the draft itself. */
class CurrentTextTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-07T10:00:00Z");

    static Draft draft(long id, String text) {
        return new Draft(id, 1, "task", 0, text, Draft.Producer.MODEL, "m", "v1", 10, 20, 5L, AT);
    }

    static ContentVersion version(int no, long draftId, String text) {
        return new ContentVersion(no, 1, no, draftId, text, "bob", "t", 0.5, AT);
    }

    @Test
    void theLatestVersionOfTheLatestDraftIsTheText() {
        var versions = List.of(
                version(1, 7, "v1 of the first draft"),
                version(2, 8, "v2 of the regenerated draft"),
                version(3, 8, "v3 of the regenerated draft"),
                version(4, 7, "a late edit of the first draft"));
        CurrentText.Current current = CurrentText.of(draft(8, "regenerated"), versions);
        assertThat(current.text()).isEqualTo("v3 of the regenerated draft");
        assertThat(current.version()).map(ContentVersion::versionNo).contains(3);
    }

    @Test
    void withoutAVersionOfItsOwnTheDraftIsTheText() {
        var versions = List.of(version(1, 7, "an edit of an older draft"));
        CurrentText.Current current = CurrentText.of(draft(8, "regenerated"), versions);
        assertThat(current.text()).isEqualTo("regenerated");
        assertThat(current.version()).isEmpty();
        assertThat(CurrentText.of(draft(8, "alone"), List.of()).text()).isEqualTo("alone");
    }
}
