package org.tandem.extraction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;

/** The extracted fields of a case, and each field's verification on its task. */
@RestController
class ExtractionController {

    record FieldDecision(
            @Size(max = 500, message = "La valeur ne doit pas dépasser 500 caractères.")
            String value,

            @NotNull(message = "Choisissez : confirmer, corriger ou absent du document.")
            ExtractionField.Status status) {}

    private final ExtractionService extraction;
    private final CurrentUsers currentUsers;

    ExtractionController(ExtractionService extraction, CurrentUsers currentUsers) {
        this.extraction = extraction;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/cases/{id}/fields")
    @PreAuthorize("isAuthenticated()")
    ExtractionService.Fields ofCase(@PathVariable long id) {
        return extraction.fieldsOfCase(id, currentUsers.current());
    }

    @GetMapping("/api/tasks/{id}/fields")
    @PreAuthorize("isAuthenticated()")
    ExtractionService.Fields ofTask(@PathVariable String id) {
        return extraction.fieldsOfTask(id, currentUsers.current());
    }

    @PostMapping("/api/tasks/{id}/fields/{name}")
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER')")
    ExtractionService.FieldView decide(
            @PathVariable String id, @PathVariable String name, @Valid @RequestBody FieldDecision body) {
        return extraction.decide(id, name, body.value(), body.status(), currentUsers.current());
    }
}
