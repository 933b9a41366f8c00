package org.tandem.governance.transparency;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public page on our use of generative AI (proposals 22–24): open to anyone, aggregates only. */
@RestController
@RequestMapping("/api/public/transparency")
class TransparencyController {

    private final TransparencyService service;

    TransparencyController(TransparencyService service) {
        this.service = service;
    }

    @GetMapping
    @PreAuthorize("permitAll()")
    TransparencyReport report() {
        return service.report();
    }
}
