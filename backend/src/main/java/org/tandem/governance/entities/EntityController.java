package org.tandem.governance.entities;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;

/** The organisation's API: entities (administrators), placements (administrators and the entity's managers), the CSV import. */
@RestController
@RequestMapping("/api")
class EntityController {

    @io.swagger.v3.oas.annotations.media.Schema(name = "EntityRequest")
    record EntityRequest(String code, String name, EntityKind kind, String parentCode) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "EntityUpdate")
    record EntityUpdate(String name, EntityKind kind, String parentCode) {}

    /** @param csv the file's text (format in README.md, « Organisation ») */
    @io.swagger.v3.oas.annotations.media.Schema(name = "EntityImportRequest")
    record ImportRequest(String csv) {}

    private final EntityDirectory directory;
    private final OrganisationService organisation;
    private final EntityImport imports;
    private final CurrentUsers currentUsers;

    EntityController(
            EntityDirectory directory,
            OrganisationService organisation,
            EntityImport imports,
            CurrentUsers currentUsers) {
        this.directory = directory;
        this.organisation = organisation;
        this.imports = imports;
        this.currentUsers = currentUsers;
    }

    /** Entity names are not sensitive: any signed-in person may list them (pickers, labels). */
    @GetMapping("/entities")
    @PreAuthorize("isAuthenticated()")
    List<BusinessEntity> all() {
        return directory.all();
    }

    @PostMapping("/entities")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    BusinessEntity create(@RequestBody EntityRequest r) {
        return organisation.create(r.code(), r.name(), r.kind(), r.parentCode(), currentUsers.current());
    }

    @PutMapping("/entities/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    BusinessEntity update(@PathVariable String code, @RequestBody EntityUpdate r) {
        return organisation.update(code, r.name(), r.kind(), r.parentCode(), currentUsers.current());
    }

    @DeleteMapping("/entities/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String code) {
        organisation.delete(code, currentUsers.current());
    }

    /** The entities the caller may place people in: every one for an administrator, a manager's own subtree. */
    @GetMapping("/entities/managed")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    Set<String> managed() {
        return organisation.managedBy(currentUsers.current());
    }

    @GetMapping("/entities/{code}/people")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<Placement> people(@PathVariable String code) {
        return organisation.people(code, currentUsers.current());
    }

    @PutMapping("/entities/{code}/people/{username}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    Placement place(@PathVariable String code, @PathVariable String username) {
        return organisation.place(code, username, currentUsers.current());
    }

    @DeleteMapping("/entities/{code}/people/{username}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void detach(@PathVariable String code, @PathVariable String username) {
        organisation.detach(code, username, currentUsers.current());
    }

    /** All or nothing: a file with one bad line imports nothing and names the line. */
    @PostMapping(path = "/entities/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    EntityImport.Result importJson(@RequestBody ImportRequest request) {
        return imports.run(request.csv(), currentUsers.current());
    }

    /** The same import with the file as the body: {@code curl --data-binary @orga.csv -H 'Content-Type: text/csv'}. */
    @PostMapping(
            path = "/entities/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    EntityImport.Result importCsv(@RequestBody String csv) {
        return imports.run(csv, currentUsers.current());
    }

    /** People to place, for the placement screens: those the identity service knows and those already placed. */
    @GetMapping("/people")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<OrganisationService.Person> searchPeople(@RequestParam(required = false) String q) {
        return organisation.searchPeople(q, currentUsers.current());
    }
}
