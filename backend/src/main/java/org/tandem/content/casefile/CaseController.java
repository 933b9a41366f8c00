package org.tandem.content.casefile;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.content.CaseService;
import org.tandem.content.ContentCase;
import org.tandem.content.NewCaseRequest;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.CurrentUsers;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseService caseService;
    private final CaseViews caseViews;
    private final CurrentUsers currentUsers;

    CaseController(CaseService caseService, CaseViews caseViews, CurrentUsers currentUsers) {
        this.caseService = caseService;
        this.caseViews = caseViews;
        this.currentUsers = currentUsers;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADVISER')")
    ResponseEntity<CaseView> open(@Valid @RequestBody NewCaseRequest request) {
        CurrentUser user = currentUsers.current();
        ContentCase opened = caseService.open(request, user);
        return ResponseEntity.created(URI.create("/api/cases/" + opened.id())).body(caseViews.opened(opened));
    }

    @GetMapping
    @PreAuthorize("hasRole('ADVISER')")
    List<CaseView.Summary> mine() {
        return caseViews.requestedBy(currentUsers.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    CaseView one(@PathVariable long id) {
        return caseViews.view(id, currentUsers.current());
    }

    /** The document the member received (the reply letter's PDF, its provenance record inside). */
    @GetMapping(value = "/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        byte[] pdf = caseViews.document(id, currentUsers.current());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"courrier-" + id + ".pdf\"")
                .body(pdf);
    }
}
