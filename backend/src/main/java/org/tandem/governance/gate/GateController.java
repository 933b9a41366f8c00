package org.tandem.governance.gate;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;

/** The governance gate for administrators (AI referents read it): states, openings, closings. */
@RestController
@RequestMapping("/api/governance")
class GateController {

    @io.swagger.v3.oas.annotations.media.Schema(name = "OpeningRequest")
    record OpeningRequest(String useCaseKey, String reason) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "ClosingRequest")
    record ClosingRequest(String reason) {}

    private final UseCaseOpenings openings;
    private final CurrentUsers currentUsers;

    GateController(UseCaseOpenings openings, CurrentUsers currentUsers) {
        this.openings = openings;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/use-cases")
    @PreAuthorize("hasAnyRole('ADMIN', 'AI_REFERENT')")
    List<UseCaseOpenings.UseCaseGate> gates() {
        return openings.gates();
    }

    @GetMapping("/openings")
    @PreAuthorize("hasAnyRole('ADMIN', 'AI_REFERENT')")
    List<UseCaseOpening> history() {
        return openings.history();
    }

    @PostMapping("/openings")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    UseCaseOpening open(@RequestBody OpeningRequest request) {
        return openings.open(request.useCaseKey(), request.reason(), currentUsers.current());
    }

    @PostMapping("/openings/{id}/close")
    @PreAuthorize("hasRole('ADMIN')")
    UseCaseOpening close(@PathVariable long id, @RequestBody ClosingRequest request) {
        return openings.close(id, request.reason(), currentUsers.current());
    }
}
