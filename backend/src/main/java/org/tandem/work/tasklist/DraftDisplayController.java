package org.tandem.work.tasklist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.work.DraftDisplays;

/** The task screen reports that the whole text and its sources were displayed (see {@link DraftDisplays}). */
@RestController
class DraftDisplayController {

    record Display(
            @NotNull(message = "Indiquez le temps passé sur le texte.")
            @Min(value = 0, message = "Le temps passé ne peut pas être négatif.")
            @Max(value = DraftDisplays.MAX_MS, message = "Le temps passé ne peut pas dépasser une journée.")
            Long timeSpentMs) {}

    record Recorded(boolean displayed, long timeSpentMs) {}

    private final DraftDisplays displays;
    private final CurrentUsers currentUsers;

    DraftDisplayController(DraftDisplays displays, CurrentUsers currentUsers) {
        this.displays = displays;
        this.currentUsers = currentUsers;
    }

    @PostMapping("/api/tasks/{id}/viewed")
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT')")
    Recorded viewed(@PathVariable String id, @Valid @RequestBody Display body) {
        var user = currentUsers.current();
        try {
            return new Recorded(true, displays.record(id, user, body.timeSpentMs()));
        } catch (OptimisticLockingException e) {
            // two reports of the same reader crossed (first display and decision): the second one updates
            return new Recorded(true, displays.record(id, user, body.timeSpentMs()));
        }
    }
}
