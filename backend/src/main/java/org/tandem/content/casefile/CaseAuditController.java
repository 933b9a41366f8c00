package org.tandem.content.casefile;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.audit.AuditEvent;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.CurrentUsers;

/** A case's audit trail, for whoever may see the case, with the verification of its chain. */
@RestController
class CaseAuditController {

    record CaseTrail(AuditTrail.Verification verification, List<AuditEvent> events) {}

    private final AuditTrail trail;
    private final CaseViews caseViews;
    private final CurrentUsers currentUsers;

    CaseAuditController(AuditTrail trail, CaseViews caseViews, CurrentUsers currentUsers) {
        this.trail = trail;
        this.caseViews = caseViews;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/cases/{id}/audit")
    @PreAuthorize("isAuthenticated()")
    CaseTrail caseTrail(@PathVariable long id) {
        caseViews.view(id, currentUsers.current());
        return new CaseTrail(trail.verify(id), trail.chain(id));
    }
}
