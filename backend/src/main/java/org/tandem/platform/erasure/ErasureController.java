package org.tandem.platform.erasure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.privacy.Pseudonymiser;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.web.ApiException;

/** The data protection officer's erasures: what one would touch, doing one with its reason, and the record. */
@RestController
@RequestMapping("/api/privacy/erasures")
class ErasureController {

    record ErasureRequest(
            @NotBlank(message = "Indiquez le numéro du sociétaire.")
            @Size(max = 32, message = "Le numéro du sociétaire ne dépasse pas 32 caractères.")
            String memberId,

            @NotBlank(message = "Indiquez le motif de l'effacement.")
            @Size(min = 10, max = 500, message = "Le motif fait entre 10 et 500 caractères.")
            String reason) {}

    /** The latest erasures, and what the law keeps whatever is erased. */
    record ErasureList(List<Erasure> erasures, List<KeptByLaw.Item> keptByLaw) {}

    private static final java.util.regex.Pattern MEMBER_NUMBER = java.util.regex.Pattern.compile("[A-Za-z0-9._/\\-]+");

    private final org.tandem.platform.erasure.Erasures erasures;
    private final Pseudonymiser pseudonymiser;
    private final CurrentUsers currentUsers;

    ErasureController(
            org.tandem.platform.erasure.Erasures erasures, Pseudonymiser pseudonymiser, CurrentUsers currentUsers) {
        this.erasures = erasures;
        this.pseudonymiser = pseudonymiser;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    @PreAuthorize("hasRole('DPO')")
    ErasureList list() {
        return new ErasureList(erasures.latest(50), KeptByLaw.ITEMS);
    }

    @GetMapping("/preview")
    @PreAuthorize("hasRole('DPO')")
    org.tandem.platform.erasure.Erasures.Preview preview(@RequestParam(name = "memberId") String memberId) {
        return erasures.preview(known(memberId));
    }

    @PostMapping
    @PreAuthorize("hasRole('DPO')")
    ResponseEntity<Erasure> erase(@Valid @RequestBody ErasureRequest request) {
        String memberId = known(request.memberId());
        String reason = request.reason().strip();
        // the record of the erasure is kept: its reason must not bring back what is erased
        if (!pseudonymiser
                .identifiers(reason, org.tandem.platform.privacy.MemberIdentity.none())
                .isEmpty()) {
            throw ApiException.invalidField(
                    "reason",
                    "Le motif est conservé : n'y mettez aucune donnée personnelle (nom, adresse, numéro, "
                            + "date de naissance…). Indiquez par exemple la date et la référence de la demande.");
        }
        Erasure done =
                erasures.eraseMember(memberId, reason, currentUsers.current().username());
        return ResponseEntity.status(HttpStatus.CREATED).body(done);
    }

    private String known(String memberId) {
        String id = memberId == null ? "" : memberId.strip();
        if (id.isEmpty() || id.length() > 32) {
            throw ApiException.invalidField("memberId", "Indiquez le numéro du sociétaire (32 caractères au plus).");
        }
        if (!MEMBER_NUMBER.matcher(id).matches()) {
            throw ApiException.invalidField(
                    "memberId",
                    "Un numéro de sociétaire ne contient que des lettres, des chiffres, « - », « . » et « / ».");
        }
        if (!erasures.knows(id)) {
            throw ApiException.notFound("Tandem ne conserve aucune donnée du sociétaire « " + id + " ».");
        }
        return id;
    }
}
