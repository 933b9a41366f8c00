package org.tandem.quality.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;

/**
 * The corrections dataset of a use case and period, for the AI referents, as JSON Lines (one case a line,
 * pseudonymised): the use case's reference set, to evaluate pre-prompts or to study what people correct.
 */
@RestController
class CorrectionsController {

    private static final Logger log = LoggerFactory.getLogger(CorrectionsController.class);
    static final MediaType JSONL = new MediaType("application", "jsonl", StandardCharsets.UTF_8);

    private final CorrectionsDataset dataset;
    private final UseCaseCatalog useCases;
    private final ObjectMapper json;
    private final CurrentUsers currentUsers;

    CorrectionsController(
            CorrectionsDataset dataset, UseCaseCatalog useCases, ObjectMapper json, CurrentUsers currentUsers) {
        this.dataset = dataset;
        this.useCases = useCases;
        this.json = json;
        this.currentUsers = currentUsers;
    }

    /**
     * @param from first day of the period (filing date), default 90 days ago
     * @param to   last day of the period, included; default today
     */
    @GetMapping(value = "/api/quality/use-cases/{key}/corrections", produces = "application/jsonl")
    @PreAuthorize("hasRole('AI_REFERENT')")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable String key,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (useCases.find(key).isEmpty()) {
            throw ApiException.notFound("Le cas d'usage « " + key + " » n'existe pas.");
        }
        LocalDate last = to == null ? LocalDate.now() : to;
        LocalDate first = from == null ? last.minusDays(90) : from;
        if (first.isAfter(last)) {
            throw ApiException.invalidField("from", "La période commence après sa fin : vérifiez les deux dates.");
        }
        if (ChronoUnit.DAYS.between(first, last) > 3 * 366) {
            throw ApiException.invalidField("from", "Exportez au plus trois ans à la fois.");
        }
        List<Long> ids = dataset.caseIds(key, first, last.plusDays(1));
        String who = currentUsers.current().username();
        log.info("Corrections of {} from {} to {} exported by {}: {} cases", key, first, last, who, ids.size());
        StreamingResponseBody body = out -> {
            for (long id : ids) {
                var correction = dataset.correction(id);
                if (correction.isPresent()) {
                    out.write(json.writeValueAsBytes(correction.get()));
                    out.write('\n');
                }
            }
        };
        return ResponseEntity.ok()
                .contentType(JSONL)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"corrections-" + key + "-" + first + "-" + last + ".jsonl\"")
                .body(body);
    }
}
