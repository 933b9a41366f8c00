package org.tandem.governance.portfolio;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.footprint.YearlyForecast;
import org.tandem.platform.security.CurrentUsers;

@RestController
@RequestMapping("/api/portfolio")
class PortfolioController {

    @io.swagger.v3.oas.annotations.media.Schema(name = "SelectionDecisionRequest")
    record DecisionRequest(
            @NotNull(message = "Choisissez : retenir ou ne pas retenir.")
            PortfolioService.Selection decision,

            @Size(max = 4000, message = "La justification ne doit pas dépasser 4 000 caractères.")
            String rationale) {}

    record WeightsRequest(
            @NotNull(message = "Indiquez le poids de la valeur.")
            Double value,

            @NotNull(message = "Indiquez le poids du coût.") Double cost,

            @NotNull(message = "Indiquez le poids de la faisabilité.")
            Double feasibility,

            @NotNull(message = "Indiquez le poids de l'impact environnemental.")
            Double environment,

            @NotNull(message = "Indiquez le poids du risque.")
            Double risk,

            @jakarta.validation.constraints.NotBlank(
                    message = "Expliquez pourquoi les poids changent : le classement en dépend, l'historique le garde.")
            @Size(max = 2000, message = "Le motif ne doit pas dépasser 2 000 caractères.")
            String reason) {}

    private final PortfolioService portfolio;
    private final CurrentUsers currentUsers;

    PortfolioController(PortfolioService portfolio, CurrentUsers currentUsers) {
        this.portfolio = portfolio;
        this.currentUsers = currentUsers;
    }

    /**
     * Read by the directorate and by the managers and referents who carry the projects. {@code at}: the
     * ranking as it stood then (a day, 2026-11-30, meaning its end in Paris, or an ISO date-time).
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('DIRECTORATE', 'MANAGER', 'AI_REFERENT', 'ETHICS')")
    List<PortfolioService.RankedProject> ranking(
            @RequestParam(required = false) String directorate,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String at) {
        return portfolio.ranking(directorate, stage, at == null || at.isBlank() ? null : moment(at));
    }

    /** Every scoring and every weights change, oldest first (optionally of one directorate, one project). */
    @GetMapping("/history")
    @PreAuthorize("hasAnyRole('DIRECTORATE', 'MANAGER', 'AI_REFERENT', 'ETHICS')")
    PortfolioService.History history(
            @RequestParam(required = false) String directorate, @RequestParam(required = false) Long project) {
        return portfolio.history(directorate, project);
    }

    static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

    /** A day (its last microsecond in Paris) or an ISO date-time. */
    static java.time.OffsetDateTime moment(String text) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return java.time.LocalDate.parse(t)
                        .plusDays(1)
                        .atStartOfDay(PARIS)
                        .toOffsetDateTime()
                        .minusNanos(1_000);
            }
            return java.time.OffsetDateTime.parse(t);
        } catch (java.time.DateTimeException e) {
            throw org.tandem.platform.web.ApiException.invalidField(
                    "at",
                    "La date « " + (t.length() > 40 ? t.substring(0, 40) + "…" : t)
                            + " » n'est pas valide : écrivez AAAA-MM-JJ (ex. 2026-11-30) ou une date et heure ISO 8601.");
        }
    }

    @GetMapping("/directorates")
    @PreAuthorize("isAuthenticated()")
    List<Directorate> directorates() {
        return portfolio.directorates();
    }

    @PutMapping("/directorates/{code}/weights")
    @PreAuthorize("hasRole('DIRECTORATE')")
    Directorate weights(@PathVariable String code, @Valid @RequestBody WeightsRequest w) {
        try {
            return portfolio.updateWeights(
                    code,
                    new Weights(w.value(), w.cost(), w.feasibility(), w.environment(), w.risk()),
                    w.reason(),
                    currentUsers.current());
        } catch (IllegalArgumentException e) {
            throw org.tandem.platform.web.ApiException.badRequest(
                    "Les poids vont de 0 à 1 000, et l'un d'eux au moins n'est pas nul.");
        }
    }

    @GetMapping("/forecast")
    @PreAuthorize("hasAnyRole('DIRECTORATE', 'MANAGER', 'AI_REFERENT')")
    YearlyForecast forecast(
            @RequestParam String model,
            @RequestParam long casesPerYear,
            @RequestParam long inputTokens,
            @RequestParam long outputTokens) {
        if (casesPerYear < 0 || inputTokens < 0 || outputTokens < 0) {
            throw org.tandem.platform.web.ApiException.badRequest("Les volumes ne peuvent pas être négatifs.");
        }
        return portfolio.forecast(model, casesPerYear, inputTokens, outputTokens);
    }

    @PostMapping("/projects/{id}/score")
    @PreAuthorize("hasRole('DIRECTORATE')")
    ProjectScore score(@PathVariable long id, @Valid @RequestBody ScoringRequest request) {
        return portfolio.score(id, request, currentUsers.current());
    }

    @PostMapping("/projects/{id}/decision")
    @PreAuthorize("hasRole('DIRECTORATE')")
    Map<String, Object> decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request) {
        portfolio.decide(id, request.decision(), request.rationale(), currentUsers.current());
        return Map.of("projectId", id, "decision", request.decision().name());
    }
}
