package org.tandem.knowledge;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;

/** The documents as the API shows and changes them: checks what a person sends, then ingests it. */
@Service
public class KnowledgeDocuments {

    /** A document in a list: everything but its body. */
    @Schema(name = "KnowledgeDocumentSummary")
    public record Summary(
            String reference,
            String collection,
            String title,
            String owner,
            String ownerGroup,
            LocalDate lastReviewed,
            String lastReviewedBy,
            int reviewIntervalDays,
            LocalDate reviewDue,
            boolean stale,
            int version,
            OffsetDateTime updatedAt,
            boolean retired,
            OffsetDateTime retiredAt,
            String retiredBy) {

        static Summary of(KnowledgeDocument d, LocalDate today) {
            return new Summary(
                    d.reference(),
                    d.collection(),
                    d.title(),
                    d.owner(),
                    d.ownerGroup(),
                    d.lastReviewed(),
                    d.lastReviewedBy(),
                    d.reviewIntervalDays(),
                    d.reviewDue(),
                    d.staleOn(today),
                    d.version(),
                    d.updatedAt(),
                    d.retired(),
                    d.retiredAt(),
                    d.retiredBy());
        }
    }

    /** A document with its passages and its completed reviews (newest first), as a reviewer opens a source. */
    public record Detail(Summary document, String body, List<KnowledgePassage> passages, List<ReviewRecord> reviews) {}

    /** A completed review of a document: the owner's decision and comment. */
    @Schema(name = "KnowledgeReviewRecord")
    public record ReviewRecord(
            ReviewDecision.Decision decision,
            String comment,
            String decidedBy,
            OffsetDateTime decidedAt,
            int documentVersion) {}

    /** A stale document the person answers for, and the review they may open for it (none until the daily run). */
    public record StaleDocument(Summary document, String reviewTaskId) {}

    private final KnowledgeRepository repository;
    private final KnowledgeIngestion ingestion;
    private final IdentityService identityService;

    KnowledgeDocuments(KnowledgeRepository repository, KnowledgeIngestion ingestion, IdentityService identityService) {
        this.repository = repository;
        this.ingestion = ingestion;
        this.identityService = identityService;
    }

    public List<Summary> list(String text, String collection) {
        LocalDate today = LocalDate.now();
        return repository.list(blankToNull(text), blankToNull(collection), 500).stream()
                .map(d -> Summary.of(d, today))
                .toList();
    }

    /** The documents among these references that are past their review date today (a draft citing them is flagged). */
    public java.util.Set<String> staleAmong(java.util.Collection<String> references) {
        LocalDate today = LocalDate.now();
        return references.stream()
                .distinct()
                .flatMap(r -> repository.findByReference(r).stream())
                .filter(d -> d.staleOn(today))
                .map(KnowledgeDocument::reference)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether a document of this reference is in the base. */
    public boolean exists(String reference) {
        return repository.findByReference(reference).isPresent();
    }

    public Detail get(String reference) {
        KnowledgeDocument d = repository
                .findByReference(reference)
                .orElseThrow(() -> ApiException.notFound("Le document « " + reference + " » n'existe pas."));
        return new Detail(
                Summary.of(d, LocalDate.now()), d.body(), repository.passages(d.id()), repository.reviews(d.id()));
    }

    /** The stale documents this person owns, or their groups own, with the open review each has (if any). */
    public List<StaleDocument> staleFor(CurrentUser user, List<KnowledgeReviews.ReviewTask> open) {
        LocalDate today = LocalDate.now();
        Map<String, String> taskByReference = new HashMap<>();
        open.forEach(t -> taskByReference.putIfAbsent(t.reference(), t.taskId()));
        return repository.staleOwnedBy(user.username(), user.groups(), today).stream()
                .map(d -> new StaleDocument(Summary.of(d, today), taskByReference.get(d.reference())))
                .toList();
    }

    public Detail create(DocumentInput input, String actor) {
        checkPeople(input);
        if (repository.findByReference(input.reference()).isPresent()) {
            throw conflict(input.reference());
        }
        try {
            return get(ingestion.ingest(input, actor).document().reference());
        } catch (DuplicateKeyException e) {
            throw conflict(input.reference());
        }
    }

    public Detail update(String reference, DocumentInput input, String actor) {
        if (!reference.equals(input.reference())) {
            throw ApiException.invalidField("reference", "La référence d'un document ne se modifie pas.");
        }
        if (repository.findByReference(reference).isEmpty()) {
            throw ApiException.notFound("Le document « " + reference + " » n'existe pas.");
        }
        checkPeople(input);
        return get(ingestion.ingest(input, actor).document().reference());
    }

    private void checkPeople(DocumentInput input) {
        if (identityService.createUserQuery().userId(input.owner()).count() == 0) {
            throw ApiException.invalidField("owner", "L'utilisateur « " + input.owner() + " » n'existe pas.");
        }
        if (identityService.createGroupQuery().groupId(input.ownerGroup()).count() == 0) {
            throw ApiException.invalidField("ownerGroup", "Le groupe « " + input.ownerGroup() + " » n'existe pas.");
        }
    }

    private static ApiException conflict(String reference) {
        return ApiException.conflict(
                "Un document de référence « " + reference + " » existe déjà : modifiez-le plutôt.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
