package org.tandem.governance.transparency;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the public transparency page shows (proposals 22–24): the use cases in service, the model
 * and where it runs, how members' data are protected, the disclosure policy and the footprint.
 * Aggregates only: no name, no member, no case.
 */
public record TransparencyReport(
        OffsetDateTime generatedAt,
        PublicAiProvider provider,
        String pseudonymisation,
        List<PublicUseCase> useCases,
        List<DisclosureRule> disclosureRules,
        List<MonthlyFootprint> footprint,
        List<PublicOpening> exceptions) {

    /** How members' personal data are protected before a prompt leaves the application. */
    public static final String PSEUDONYMISED = "PSEUDONYMISED";
    /** Prompts stay in clear, on our own servers (tandem.privacy.pseudonymise=off-premises). */
    public static final String ON_PREMISES_CLEAR = "ON_PREMISES_CLEAR";
    /** The offline drafter: no model, nothing leaves the application. */
    public static final String NO_MODEL = "NO_MODEL";

    /**
     * @param kind           MISTRAL, OPENAI, ON_PREMISES or OFFLINE (where the model runs)
     * @param hostingCountry the country of the data centres; null: on our own servers, or no model
     */
    @Schema(name = "PublicAiProvider")
    public record PublicAiProvider(
            String provider, String providerName, String kind, String model, String hostingCountry) {}

    /**
     * @param deployment   EVERYWHERE (no project restricts it: governance is not required), EXCEPTION (opened
     *                     everywhere by an administrator without a project, see {@code exceptions}), PRODUCTION,
     *                     ROLLOUT or EXPERIMENT
     * @param aiEntities   how many entities use it with AI; null when it runs everywhere
     * @param humanReview  whether a person checks every content before it is used
     */
    @Schema(name = "PublicUseCase")
    public record PublicUseCase(
            String key,
            String name,
            String nameEn,
            String purpose,
            String purposeEn,
            String category,
            String deployment,
            Integer aiEntities,
            String model,
            String fallbackModel,
            boolean humanReview) {}

    /**
     * One row of processes/disclosure-policy.dmn, read from the deployed decision.
     *
     * @param checkedByHuman   null: whether or not a person checked the content
     * @param aiShareOperator  &lt;, &lt;=, &gt;, &gt;= or =, with {@code aiShareThreshold}; null: any share, or
     *                         an expression given as is in {@code aiShareExpression}
     * @param aiShareUpperOperator &lt; or &lt;= with {@code aiShareUpperThreshold}: the upper bound of an
     *                         interval (the share is between both bounds); null: no upper bound
     * @param label            what the member is told; null: no mention
     */
    @Schema(name = "DisclosureRule")
    public record DisclosureRule(
            String ruleId,
            Boolean checkedByHuman,
            String aiShareOperator,
            Double aiShareThreshold,
            String aiShareUpperOperator,
            Double aiShareUpperThreshold,
            String aiShareExpression,
            String category,
            String label,
            boolean citeSources) {}

    /**
     * An administrator's opening of a use case that no project governs (issue 14: nothing serves
     * ungoverned, and an exception is public): when, why, and when and why it was closed. The page says
     * « un administrateur »; who it was is recorded in Tandem, not published.
     */
    @Schema(name = "PublicOpening")
    public record PublicOpening(
            String useCaseKey,
            String name,
            String nameEn,
            String reason,
            OffsetDateTime openedAt,
            OffsetDateTime closedAt,
            String closeReason) {}

    /** @param aiDrafts model calls that answered (neither failed nor offline) */
    @Schema(name = "MonthlyFootprint")
    public record MonthlyFootprint(
            String month, long aiDrafts, double energyWhMin, double energyWhMax, double kgCo2eMin, double kgCo2eMax) {}
}
