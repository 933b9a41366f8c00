package org.tandem.platform.audit;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.content.casefile.CaseViews;
import org.tandem.platform.security.CurrentUsers;

@RestController
class AuditController {

    record CaseTrail(AuditTrail.Verification verification, List<AuditEvent> events) {
    }

    private final AuditTrail trail;
    private final CaseViews caseViews;
    private final CurrentUsers currentUsers;

    AuditController(AuditTrail trail, CaseViews caseViews, CurrentUsers currentUsers) {
        this.trail = trail;
        this.caseViews = caseViews;
        this.currentUsers = currentUsers;
    }

    /** The case's trail, for whoever may see the case, with the verification of its chain. */
    @GetMapping("/api/cases/{id}/audit")
    @PreAuthorize("isAuthenticated()")
    CaseTrail caseTrail(@PathVariable long id) {
        caseViews.view(id, currentUsers.current());
        return new CaseTrail(trail.verify(id), trail.chain(id));
    }

    /** Verifies every chain: for administrators and AI referents (e.g. scripts/verify-audit.sh). */
    @GetMapping("/api/audit/verify")
    @PreAuthorize("hasAnyRole('ADMIN', 'AI_REFERENT')")
    AuditTrail.Summary verifyAll() {
        return trail.verifyAll();
    }
}
