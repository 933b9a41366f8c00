package org.tandem.platform.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checks every case's hash chain at once; a case's own trail is served with the case. */
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * Verifies every chain: for administrators, AI referents and the data protection officer, who
     * checks it after an erasure (e.g. scripts/verify-audit.sh).
     */
    @GetMapping("/api/audit/verify")
    @PreAuthorize("hasAnyRole('ADMIN', 'AI_REFERENT', 'DPO')")
    AuditTrail.Summary verifyAll() {
        return trail.verifyAll();
    }
}
