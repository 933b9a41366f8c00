package org.tandem.chatbot;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.content.CaseRepository;
import org.tandem.content.CaseService;
import org.tandem.content.ContentCase;
import org.tandem.content.DisclosureRepository;
import org.tandem.content.NewCaseRequest;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.web.ApiException;

/**
 * The member chatbot, called by the member portal with a service account: a question opens a
 * case of the chatbot use case; the answer is read back once disclosed; the member may ask for a
 * person while the conversation is open.
 */
@RestController
@RequestMapping("/api/chat")
class ChatbotController {

    static final String USE_CASE = "member-chatbot";

    record Question(
            @NotBlank(message = "Indiquez le sociétaire.") @Size(max = 32, message = "Le sociétaire est inconnu.")
            String memberId,

            @NotBlank(message = "La question est vide.")
            @Size(max = 4000, message = "La question ne doit pas dépasser 4 000 caractères.")
            String question) {}

    /**
     * @param provenance        the answer's signed provenance record (JWS): the portal shows it, or offers it,
     *                          beside the answer, so that the member can verify it on our public page
     * @param digitalSourceType the IPTC digital source type of the answer's text
     */
    record Answer(
            long id,
            String status,
            String answer,
            String category,
            String label,
            boolean citeSources,
            String provenance,
            String digitalSourceType) {}

    private final CaseService caseService;
    private final CaseRepository cases;
    private final DisclosureRepository disclosures;
    private final RuntimeService runtimeService;
    private final CurrentUsers currentUsers;

    ChatbotController(
            CaseService caseService,
            CaseRepository cases,
            DisclosureRepository disclosures,
            RuntimeService runtimeService,
            CurrentUsers currentUsers) {
        this.caseService = caseService;
        this.cases = cases;
        this.disclosures = disclosures;
        this.runtimeService = runtimeService;
        this.currentUsers = currentUsers;
    }

    @PostMapping
    @PreAuthorize("hasRole('SERVICE')")
    ResponseEntity<Answer> ask(@Valid @RequestBody Question question) {
        String text = question.question().strip();
        String subject = text.length() <= 80 ? text : text.substring(0, 79) + "…";
        ContentCase opened = caseService.open(
                new NewCaseRequest(USE_CASE, question.memberId(), subject, text), currentUsers.current());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer(opened));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('SERVICE')")
    Answer read(@PathVariable long id) {
        return answer(requireChat(id));
    }

    @PostMapping("/{id}/handoff")
    @PreAuthorize("hasRole('SERVICE')")
    ResponseEntity<Map<String, String>> handOff(@PathVariable long id) {
        requireChat(id);
        try {
            runtimeService
                    .createMessageCorrelation("handoffRequested")
                    .processInstanceBusinessKey(String.valueOf(id))
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw ApiException.conflict(
                    "La conversation n'attend pas de conseiller : elle est close, pas encore répondue, "
                            + "ou déjà reprise par un conseiller.");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("message", "Un conseiller va reprendre la conversation."));
    }

    private ContentCase requireChat(long id) {
        ContentCase c = cases.findById(id)
                .orElseThrow(() -> ApiException.notFound("La conversation n° " + id + " n'existe pas."));
        if (!USE_CASE.equals(c.useCaseKey())
                || !c.requestedBy().equals(currentUsers.current().username())) {
            throw ApiException.notFound("La conversation n° " + id + " n'existe pas.");
        }
        return c;
    }

    private Answer answer(ContentCase c) {
        return disclosures
                .find(c.id())
                .map(d -> new Answer(
                        c.id(),
                        cases.findById(c.id()).orElseThrow().status().name(),
                        d.disclosedText(),
                        d.category(),
                        d.label(),
                        d.citeSources(),
                        d.provenance(),
                        d.digitalSourceType()))
                .orElse(new Answer(c.id(), c.status().name(), null, null, null, false, null, null));
    }
}
