package org.tandem.knowledge;

import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tandem.knowledge.upload.DocumentFiles;
import org.tandem.knowledge.upload.ExtractedText;
import org.tandem.knowledge.upload.UnreadableFile;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.web.ApiException;

/** The knowledge base's API: documents (list, read, create, edit, read from a file), the search, the reviews. */
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeController {

    record SearchResult(String query, List<RetrievedPassage> passages) {}

    /**
     * The text read from an uploaded PDF or DOCX, as the body of a document: nothing is stored until
     * the person saves the document (create, edit, or a review's update).
     *
     * @param passages how many passages the body makes
     */
    record ExtractedDocument(
            String fileName,
            ExtractedText.Format format,
            Integer pages,
            String title,
            String body,
            int characters,
            int passages) {}

    private final KnowledgeDocuments documents;
    private final KnowledgeRetriever retriever;
    private final KnowledgeReviews reviews;
    private final CurrentUsers currentUsers;

    KnowledgeController(
            KnowledgeDocuments documents,
            KnowledgeRetriever retriever,
            KnowledgeReviews reviews,
            CurrentUsers currentUsers) {
        this.documents = documents;
        this.retriever = retriever;
        this.reviews = reviews;
        this.currentUsers = currentUsers;
    }

    /** Documents, optionally of one collection and matching a text (title, reference or content). */
    @GetMapping("/documents")
    @PreAuthorize("isAuthenticated()")
    List<KnowledgeDocuments.Summary> list(
            @RequestParam(required = false) String q, @RequestParam(required = false) String collection) {
        return documents.list(q, collection);
    }

    /** A document and its passages: any signed-in person may open the sources a draft cites. */
    @GetMapping("/documents/{reference}")
    @PreAuthorize("isAuthenticated()")
    KnowledgeDocuments.Detail one(@PathVariable String reference) {
        return documents.get(reference);
    }

    @PostMapping("/documents")
    @PreAuthorize("hasAnyRole('AI_REFERENT', 'ADMIN')")
    ResponseEntity<KnowledgeDocuments.Detail> create(@Valid @RequestBody DocumentInput input) {
        var created = documents.create(input, currentUsers.current().username());
        return ResponseEntity.created(URI.create("/api/knowledge/documents/" + input.reference()))
                .body(created);
    }

    @PutMapping("/documents/{reference}")
    @PreAuthorize("hasAnyRole('AI_REFERENT', 'ADMIN')")
    KnowledgeDocuments.Detail update(@PathVariable String reference, @Valid @RequestBody DocumentInput input) {
        return documents.update(reference, input, currentUsers.current().username());
    }

    /** The passages that best answer a question, with their sources and stale flags. */
    @GetMapping("/search")
    @PreAuthorize("hasAnyRole('ADVISER', 'EXPERT', 'AI_REFERENT', 'ADMIN')")
    SearchResult search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Set<String> collection,
            @RequestParam(defaultValue = "5") int k) {
        if (q == null || q.isBlank()) {
            throw ApiException.invalidField("q", "Saisissez une question ou des mots à rechercher.");
        }
        if (q.length() > 2_000) {
            throw ApiException.invalidField("q", "La recherche ne doit pas dépasser 2 000 caractères.");
        }
        if (k < 1 || k > KnowledgeRetriever.MAX_RESULTS) {
            throw ApiException.invalidField(
                    "k", "Le nombre de passages demandé va de 1 à " + KnowledgeRetriever.MAX_RESULTS + ".");
        }
        Set<String> collections = collection == null
                ? Set.of()
                : collection.stream()
                        .filter(c -> !c.isBlank())
                        .map(String::strip)
                        .collect(Collectors.toSet());
        return new SearchResult(q, retriever.search(q, collections, k));
    }

    /**
     * Reads an uploaded PDF or DOCX into a document's body (Markdown: its headings cut the passages).
     * Stores nothing; an unreadable file is refused with its reason.
     */
    @PostMapping("/extract")
    @PreAuthorize("hasAnyRole('ADVISER', 'EXPERT', 'MANAGER', 'DIRECTORATE', 'ETHICS', 'AI_REFERENT', 'ADMIN')")
    ExtractedDocument extract(@RequestParam(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiException.invalidField("file", "Choisissez le fichier PDF ou Word (.docx) à lire.");
        }
        String name = file.getOriginalFilename() == null
                ? "document"
                : file.getOriginalFilename().replaceAll("[\\p{Cntrl}/\\\\]", "_");
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        ExtractedText text;
        try {
            text = DocumentFiles.read(file.getBytes());
        } catch (UnreadableFile e) {
            throw ApiException.invalidField("file", "« " + name + " » n'a pas pu être lu : " + e.getMessage());
        } catch (IOException e) {
            throw ApiException.invalidField("file", "Le fichier n'a pas pu être reçu : envoyez-le de nouveau.");
        }
        return new ExtractedDocument(
                name,
                text.format(),
                text.pages(),
                text.title() == null || text.title().length() > 200 ? null : text.title(),
                text.markdown(),
                text.markdown().length(),
                PassageSplitter.split(text.markdown()).size());
    }

    /** The stale documents the person answers for (theirs or their groups'), with the review open for each. */
    @GetMapping("/stale")
    @PreAuthorize("isAuthenticated()")
    List<KnowledgeDocuments.StaleDocument> stale() {
        CurrentUser user = currentUsers.current();
        return documents.staleFor(user, reviews.openFor(user));
    }

    /** One review the person may see: the document it is about, for the review screen. */
    @GetMapping("/reviews/{taskId}")
    @PreAuthorize("isAuthenticated()")
    KnowledgeReviews.ReviewTask review(@PathVariable String taskId) {
        return reviews.one(taskId, currentUsers.current());
    }

    /** The document reviews the person may answer (their own documents, or their group's). */
    @GetMapping("/reviews")
    @PreAuthorize("isAuthenticated()")
    List<KnowledgeReviews.ReviewTask> openReviews() {
        return reviews.openFor(currentUsers.current());
    }

    @PostMapping("/reviews/{taskId}/complete")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Void> completeReview(@PathVariable String taskId, @Valid @RequestBody ReviewDecision decision) {
        reviews.complete(taskId, decision, currentUsers.current());
        return ResponseEntity.noContent().build();
    }
}
