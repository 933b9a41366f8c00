package org.tandem.members;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The member picker of the request form: searches the configured directory (503 in French when it cannot). */
@RestController
@RequestMapping("/api/members")
class MemberController {

    /** What the request form needs; the full dossier stays on the server. */
    record MemberSummary(String id, String displayName, String city) {}

    private final MemberDirectory directory;

    MemberController(MemberDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADVISER', 'EXPERT', 'ADMIN')")
    List<MemberSummary> search(@RequestParam(name = "q", defaultValue = "") String q) {
        String trimmed = q.trim();
        String text = trimmed.length() > 100 ? trimmed.substring(0, 100).trim() : trimmed;
        return directory.search(text, 20).stream()
                .map(m -> new MemberSummary(m.id(), m.displayName(), m.city()))
                .toList();
    }
}
