package org.tandem.work.inbox;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InboxAdminController {

    private final InboxRebuild rebuild;

    InboxAdminController(InboxRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Rows for open tasks that have none, rows closed for tasks gone: after a restore, or a node without the listeners. */
    @PostMapping("/api/admin/inbox/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    InboxRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
