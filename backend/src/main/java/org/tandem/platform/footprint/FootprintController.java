package org.tandem.platform.footprint;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.web.ApiException;

/** Tokens, cost, energy and CO2e of model calls, per use case, entity and month (proposals 18–19). */
@RestController
@RequestMapping("/api/footprint")
class FootprintController {

    private final FootprintReports reports;

    FootprintController(FootprintReports reports) {
        this.reports = reports;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('MANAGER', 'DIRECTORATE', 'AI_REFERENT', 'ADMIN')")
    FootprintReport report(
            @RequestParam(required = false) String useCase,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String month) {
        return reports.report(
                StringUtils.hasText(useCase) ? useCase.trim() : null,
                StringUtils.hasText(entity) ? entity.trim() : null,
                month(month));
    }

    private static YearMonth month(String month) {
        if (!StringUtils.hasText(month)) {
            return null;
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("month", "Le mois doit être au format AAAA-MM, par exemple 2026-11.");
        }
    }
}
