package org.tandem.governance.transparency;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.governance.gate.UseCaseOpenings;
import org.tandem.governance.lifecycle.Project;
import org.tandem.governance.lifecycle.ProjectRepository;
import org.tandem.governance.transparency.TransparencyReport.MonthlyFootprint;
import org.tandem.governance.transparency.TransparencyReport.PublicAiProvider;
import org.tandem.governance.transparency.TransparencyReport.PublicUseCase;
import org.tandem.platform.ai.AiProperties;
import org.tandem.platform.footprint.FootprintReport;
import org.tandem.platform.footprint.FootprintReports;
import org.tandem.platform.footprint.FootprintTotals;
import org.tandem.platform.footprint.Hosting;
import org.tandem.platform.privacy.PrivacyProperties;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/** Builds the public page's figures from the configuration, the lifecycle and the footprint; nothing personal. */
@Service
class TransparencyService {

    /** How many months of footprint the page shows. */
    static final int MONTHS = 12;

    private final UseCaseCatalog useCases;
    private final UseCaseEnablement enablement;
    private final ProjectRepository projects;
    private final FootprintReports footprint;
    private final DisclosurePolicyReader disclosure;
    private final AiProperties ai;
    private final PrivacyProperties privacy;
    private final HostingDeclaration declared;
    private final UseCaseOpenings openings;

    TransparencyService(
            UseCaseCatalog useCases,
            UseCaseEnablement enablement,
            ProjectRepository projects,
            FootprintReports footprint,
            DisclosurePolicyReader disclosure,
            AiProperties ai,
            PrivacyProperties privacy,
            HostingDeclaration declared,
            UseCaseOpenings openings) {
        this.useCases = useCases;
        this.enablement = enablement;
        this.projects = projects;
        this.footprint = footprint;
        this.disclosure = disclosure;
        this.ai = ai;
        this.privacy = privacy;
        this.declared = declared;
        this.openings = openings;
    }

    TransparencyReport report() {
        boolean offline = ai.provider() == AiProperties.Provider.OFFLINE;
        return new TransparencyReport(
                OffsetDateTime.now(),
                provider(),
                offline
                        ? TransparencyReport.NO_MODEL
                        : privacy.pseudonymises(ai)
                                ? TransparencyReport.PSEUDONYMISED
                                : TransparencyReport.ON_PREMISES_CLEAR,
                useCases.all().stream()
                        .map(this::inService)
                        .flatMap(Optional::stream)
                        .sorted(Comparator.comparing(PublicUseCase::name))
                        .toList(),
                disclosure.rules(),
                months(),
                openings.history().stream()
                        .map(o -> {
                            Optional<UseCase> u = useCases.find(o.useCaseKey());
                            return new TransparencyReport.PublicOpening(
                                    o.useCaseKey(),
                                    u.map(x -> x.name().fr()).orElse(o.useCaseKey()),
                                    u.map(x -> x.name().en()).orElse(o.useCaseKey()),
                                    o.reason(),
                                    o.openedAt(),
                                    o.closedAt(),
                                    o.closeReason());
                        })
                        .toList());
    }

    private PublicAiProvider provider() {
        return switch (ai.provider()) {
            case OFFLINE -> new PublicAiProvider(ai.provider().key(), null, "OFFLINE", null, null);
            case MISTRAL ->
                new PublicAiProvider(ai.provider().key(), "Mistral AI", "MISTRAL", ai.model(), country("France"));
            case OLLAMA, OPENAI_COMPATIBLE ->
                switch (ai.hosting()) {
                    case Hosting.MISTRAL ->
                        new PublicAiProvider(
                                ai.provider().key(), "Mistral AI", "MISTRAL", ai.model(), country("France"));
                    case Hosting.OPENAI ->
                        new PublicAiProvider(
                                ai.provider().key(),
                                "OpenAI",
                                "OPENAI",
                                ai.model(),
                                country(Hosting.openAi().location()));
                    // our own servers: a country only when someone declared one
                    default ->
                        new PublicAiProvider(ai.provider().key(), null, "ON_PREMISES", ai.model(), country(null));
                };
        };
    }

    private String country(String fallback) {
        return StringUtils.hasText(declared.hostingCountry())
                ? declared.hostingCountry().trim()
                : fallback;
    }

    /**
     * A use case is in service when its AI step is on, no kill switch stops it, and it runs with AI
     * somewhere: in the entities its project opened; everywhere when an administrator opened it without
     * a project, or when no project manages it and governance is not required (the demo).
     */
    private Optional<PublicUseCase> inService(UseCase u) {
        if (!u.aiSettings().isEnabled() || enablement.isKilled(u.key())) {
            return Optional.empty();
        }
        String deployment;
        Integer aiEntities = null;
        if (!enablement.isManaged(u.key())) {
            if (enablement.isOpenedByAdministrator(u.key())) {
                deployment = "EXCEPTION";
            } else if (!enablement.governanceRequired()) {
                deployment = "EVERYWHERE";
            } else {
                return Optional.empty();
            }
        } else {
            aiEntities = (int) enablement.settings(u.key()).stream()
                    .filter(s -> !s.killed() && "AI".equals(s.mode()))
                    .count();
            if (aiEntities == 0) {
                return Optional.empty();
            }
            deployment = projects.usingUseCase(u.key()).stream()
                    .filter(p -> !p.stage().isClosed())
                    .max(Comparator.comparingLong(Project::id))
                    .map(p -> switch (p.stage()) {
                        case PRODUCTION -> "PRODUCTION";
                        case ROLLOUT, ROLLOUT_PLANNING -> "ROLLOUT";
                        default -> "EXPERIMENT";
                    })
                    .orElse("PRODUCTION");
        }
        boolean offline = ai.provider() == AiProperties.Provider.OFFLINE;
        UseCase.AiSettings settings = u.aiSettings();
        String model = offline ? null : settings.model() != null ? settings.model() : ai.model();
        String fallback = offline || settings.budgetFallback() != UseCase.BudgetFallback.SMALLER_MODEL
                ? null
                : settings.smallerModel();
        return Optional.of(new PublicUseCase(
                u.key(),
                u.name().fr(),
                u.name().en(),
                u.description() == null ? null : u.description().fr(),
                u.description() == null ? null : u.description().en(),
                u.category(),
                deployment,
                aiEntities,
                model,
                fallback,
                !"chatbot".equals(u.processKey())));
    }

    /**
     * The calendar months of the last year that had model calls, oldest first (an older call is not
     * shown, even when few months have calls); emissions are usage plus embodied.
     */
    private List<MonthlyFootprint> months() {
        FootprintReport report = footprint.report(null, null, null);
        String first =
                YearMonth.now(FootprintReports.ZONE).minusMonths(MONTHS - 1).toString();
        Map<String, FootprintTotals> byMonth = new TreeMap<>();
        for (FootprintReport.Row row : report.rows()) {
            if (row.month().compareTo(first) >= 0) {
                byMonth.merge(row.month(), row.totals(), FootprintTotals::plus);
            }
        }
        List<MonthlyFootprint> months = new ArrayList<>();
        byMonth.forEach((month, t) -> months.add(new MonthlyFootprint(
                month,
                t.calls() - t.failedCalls() - t.offlineCalls(),
                t.energyWhMin(),
                t.energyWhMax(),
                t.usageKgCo2eMin() + t.embodiedKgCo2eMin(),
                t.usageKgCo2eMax() + t.embodiedKgCo2eMax())));
        return months.size() > MONTHS ? months.subList(months.size() - MONTHS, months.size()) : months;
    }
}
