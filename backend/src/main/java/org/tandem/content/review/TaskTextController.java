package org.tandem.content.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;

/** Saves the text being edited or hand-drafted on its task, without completing the task. */
@RestController
class TaskTextController {

    record TextToSave(
            @Size(max = 50000, message = "Le texte ne doit pas dépasser 50 000 caractères.")
            String text) {}

    private final TextTasks texts;
    private final CurrentUsers currentUsers;

    TaskTextController(TextTasks texts, CurrentUsers currentUsers) {
        this.texts = texts;
        this.currentUsers = currentUsers;
    }

    @PostMapping("/api/tasks/{id}/save")
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER')")
    TextTasks.SavedVersion save(@PathVariable String id, @Valid @RequestBody TextToSave body) {
        return texts.save(id, body.text(), currentUsers.current());
    }
}
