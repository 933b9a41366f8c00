package org.tandem.platform.usecase;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The quality loop's defaults ({@code tandem.quality.*}); a use case file's {@code quality:} block
 * overrides them for its use case.
 *
 * @param reasons            the reason codes offered when a use case names none, from {@link ReasonCatalogue}
 * @param readingFloor       the display time asked per {@code readingFloorCharacters} characters (0: none)
 * @param minCasesForManager a manager sees one reviewer's figures only above this many cases (and with consent)
 * @param minReviewersForTeam a team's figures are shown only when at least this many reviewers contribute
 */
@ConfigurationProperties("tandem.quality")
public record QualityProperties(
        @DefaultValue({
            "factual-error",
            "missing-information",
            "tone",
            "wrong-source",
            "personal-data",
            "legal-risk",
            "style"
        })
        List<String> reasons,

        @DefaultValue("0.1") double secondReviewRate,
        @DefaultValue("0.25") double acceptedUnchangedRate,
        @DefaultValue("20") int referenceCases,
        @DefaultValue("20s") Duration readingFloor,
        @DefaultValue("1000") int readingFloorCharacters,
        @DefaultValue("20") int minCasesForManager,
        @DefaultValue("3") int minReviewersForTeam) {}
