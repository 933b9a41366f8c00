package org.tandem.content.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tandem.platform.provenance.ProvenanceKeys;
import org.tandem.platform.web.ApiException;

/**
 * The public verification of what we send (« Vérifier un contenu » on the transparency page), open to
 * anyone and answering nothing personal: the public keys of our provenance records (a JWK Set), the
 * record of a content by its hash, and the check of a text, a record or a PDF letter.
 */
@RestController
@RequestMapping("/api/public/provenance")
class PublicProvenanceController {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    record VerifyRequest(
            @Size(max = 100_000, message = "Le texte ne doit pas dépasser 100 000 caractères.")
            String text,

            @Size(max = 20_000, message = "Le relevé de provenance ne doit pas dépasser 20 000 caractères.")
            String record) {}

    private final ProvenanceChecks checks;
    private final ProvenanceKeys keys;

    PublicProvenanceController(ProvenanceChecks checks, ProvenanceKeys keys) {
        this.checks = checks;
        this.keys = keys;
    }

    /** Every public key that signed our records (RFC 7517 JWK Set): verify a record with any JOSE library. */
    @GetMapping("/keys")
    @PreAuthorize("permitAll()")
    Map<String, Object> keys() {
        return keys.publicKeys().toJSONObject(true);
    }

    /**
     * The record of the content whose canonical text has this SHA-256 (what a letter's record binds, and
     * what the record of an e-mail states): whether we issued it, when, how it was produced.
     */
    @GetMapping("/{sha256}")
    @PreAuthorize("permitAll()")
    ProvenanceCheck byHash(@PathVariable String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw ApiException.badRequest(
                    "« " + abbreviate(sha256) + " » n'est pas une empreinte SHA-256 (64 caractères hexadécimaux).");
        }
        return checks.byContentHash(sha256.toLowerCase(java.util.Locale.ROOT));
    }

    /** A text received (an e-mail, a chatbot answer, a letter's text), or a record with or without its text. */
    @PostMapping("/verify")
    @PreAuthorize("permitAll()")
    ProvenanceCheck verify(@Valid @RequestBody VerifyRequest request) {
        boolean hasText = request.text() != null && !request.text().isBlank();
        boolean hasRecord = request.record() != null && !request.record().isBlank();
        if (!hasText && !hasRecord) {
            throw ApiException.invalidField(
                    "text", "Collez le texte reçu, ou son relevé de provenance, ou déposez le courrier en PDF.");
        }
        return checks.check(hasText ? request.text() : null, hasRecord ? request.record() : null);
    }

    /** A letter's PDF, as it was received (10 MB at most). */
    @PostMapping(value = "/verify/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("permitAll()")
    ProvenanceCheck verifyDocument(@RequestPart("file") MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiException.invalidField("file", "Le fichier est vide : déposez le courrier reçu, en PDF.");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw ApiException.invalidField("file", "Le fichier n'a pas pu être lu ; réessayez.");
        }
        if (bytes.length < 5 || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw ApiException.invalidField(
                    "file", "Ce fichier n'est pas un PDF : déposez le courrier tel que vous l'avez reçu.");
        }
        return checks.checkDocument(bytes);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
