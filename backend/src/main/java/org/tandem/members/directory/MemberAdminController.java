package org.tandem.members.directory;

import java.io.IOException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tandem.members.MemberDirectory;
import org.tandem.members.MemberDirectoryUnavailable;
import org.tandem.members.MemberRepository;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.web.ApiException;

/**
 * The administrator's screen of the member directory: which directory serves and how it is reached
 * (never its secrets), a check that it answers, and the CSV import of a pilot's members.
 */
@RestController
@RequestMapping("/api/admin/members")
class MemberAdminController {

    /** What the screen shows of the configuration; {@code baseUrl} and the rest only for the HTTP directory. */
    record DirectoryStatus(
            MemberDirectory.Kind kind,
            String baseUrl,
            String authentication,
            Long timeoutMs,
            long storedMembers,
            boolean importAllowed,
            List<String> csvColumns) {}

    record DirectoryCheck(boolean reachable, String message, long elapsedMs) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "MemberImportResult")
    record ImportResult(int imported, int created, int updated) {}

    private final MemberDirectory directory;
    private final MembersProperties properties;
    private final MemberRepository repository;
    private final MemberImport memberImport;
    private final CurrentUsers currentUsers;

    MemberAdminController(
            MemberDirectory directory,
            MembersProperties properties,
            MemberRepository repository,
            MemberImport memberImport,
            CurrentUsers currentUsers) {
        this.directory = directory;
        this.properties = properties;
        this.repository = repository;
        this.memberImport = memberImport;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/directory")
    @PreAuthorize("hasRole('ADMIN')")
    DirectoryStatus status() {
        boolean http = directory.kind() == MemberDirectory.Kind.HTTP;
        return new DirectoryStatus(
                directory.kind(),
                http ? ((HttpMemberDirectory) directory).baseUrl().toString() : null,
                http ? properties.http().authentication() : null,
                http ? properties.http().timeout().toMillis() : null,
                repository.count(),
                !http,
                MemberCsv.COLUMNS);
    }

    /** Asks the directory for a name that matches nobody: it answers within its time-out, or says why not. */
    @PostMapping("/directory/check")
    @PreAuthorize("hasRole('ADMIN')")
    DirectoryCheck check() {
        long start = System.nanoTime();
        try {
            directory.search("tandem-verification", 1);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            return new DirectoryCheck(true, "L'annuaire des sociétaires répond (" + elapsed + " ms).", elapsed);
        } catch (MemberDirectoryUnavailable e) {
            return new DirectoryCheck(false, e.detail(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    @PostMapping("/import")
    @PreAuthorize("hasRole('ADMIN')")
    ImportResult importMembers(@RequestParam(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiException.invalidField("file", "Choisissez le fichier CSV des sociétaires à importer.");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw ApiException.invalidField("file", "Le fichier n'a pas pu être lu : envoyez-le de nouveau.");
        }
        MemberImport.Result result =
                memberImport.importCsv(bytes, currentUsers.current().username());
        return new ImportResult(result.imported(), result.created(), result.updated());
    }
}
