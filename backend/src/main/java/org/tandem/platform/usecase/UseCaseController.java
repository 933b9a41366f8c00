package org.tandem.platform.usecase;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The use cases a signed-in person may see, with what the request form and the review screens need of them. */
@RestController
@RequestMapping("/api/use-cases")
class UseCaseController {

    /**
     * @param memberRequired false for a question about the rules (AMI): no member to choose
     * @param reasons        the structured reasons its reviewers choose from (quality loop)
     * @param handWritable   an adviser may file it « sans IA » and write it by hand (the content process)
     */
    record UseCaseSummary(
            String key,
            String name,
            String nameEn,
            String description,
            String category,
            boolean memberRequired,
            List<ReviewReason> reasons,
            boolean handWritable) {}

    private final UseCaseCatalog catalog;
    private final QualityCatalog quality;

    UseCaseController(UseCaseCatalog catalog, QualityCatalog quality) {
        this.catalog = catalog;
        this.quality = quality;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<UseCaseSummary> list() {
        return catalog.all().stream()
                .map(u -> new UseCaseSummary(
                        u.key(),
                        u.name().fr(),
                        u.name().en(),
                        u.description() == null ? null : u.description().fr(),
                        u.category(),
                        u.requiresMember(),
                        quality.settings(u.key()).reasons(),
                        u.handWritable()))
                .toList();
    }
}
