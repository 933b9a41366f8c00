package org.tandem.governance.entities;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/entities")
class EntityController {

    private final EntityDirectory directory;

    EntityController(EntityDirectory directory) {
        this.directory = directory;
    }

    /** Entity names are not sensitive: any signed-in person may list them (pickers, labels). */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<BusinessEntity> all() {
        return directory.all();
    }
}
