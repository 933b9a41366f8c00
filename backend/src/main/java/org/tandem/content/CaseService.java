package org.tandem.content;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.members.Member;
import org.tandem.members.MemberSnapshots;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.time.BusinessDays;
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;

/**
 * Opens content cases: the member is looked up in the configured directory first (it may be the
 * member system, over the network: no transaction is held meanwhile), then the member's copy, the
 * request row and its process instance are created together or not at all.
 */
@Service("contentCaseService") // Camunda already names its CMMN service "caseService"
public class CaseService {

    private final java.util.random.RandomGenerator sampler = new java.security.SecureRandom();

    private final CaseRepository cases;
    private final MemberSnapshots members;
    private final UseCaseCatalog useCases;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;
    private final PromptRegistry prompts;
    private final UseCaseEnablement enablement;
    private final TransactionTemplate transaction;
    private final BusinessDays businessDays;

    CaseService(
            CaseRepository cases,
            MemberSnapshots members,
            UseCaseCatalog useCases,
            RuntimeService runtimeService,
            AuditTrail audit,
            PromptRegistry prompts,
            UseCaseEnablement enablement,
            TransactionTemplate transaction,
            BusinessDays businessDays) {
        this.cases = cases;
        this.members = members;
        this.useCases = useCases;
        this.runtimeService = runtimeService;
        this.audit = audit;
        this.prompts = prompts;
        this.enablement = enablement;
        this.transaction = transaction;
        this.businessDays = businessDays;
    }

    /** Joins the caller's transaction when there is one; otherwise opens its own after the member's lookup. */
    public ContentCase open(NewCaseRequest request, CurrentUser requester) {
        UseCase useCase = useCases.find(request.useCaseKey())
                .orElseThrow(() -> ApiException.invalidField(
                        "useCaseKey", "Le cas d'usage « " + request.useCaseKey() + " » n'existe pas."));
        String memberId = request.memberId() == null || request.memberId().isBlank()
                ? null
                : request.memberId().trim();
        if (memberId == null && useCase.requiresMember()) {
            throw ApiException.invalidField("memberId", "Choisissez le sociétaire concerné.");
        }
        if (request.handWrittenByChoice() && !useCase.handWritable()) {
            throw ApiException.invalidField(
                    "withoutAi",
                    "« " + useCase.name().fr() + " » ne se rédige pas à la main : l'option « sans IA » vaut pour les"
                            + " contenus qu'un conseiller peut écrire lui-même (courriers, synthèses, comptes-rendus).");
        }
        // MemberDirectoryUnavailable (503, in French) when the directory cannot answer: nothing is stored
        Member member = memberId == null
                ? null
                : members.find(memberId)
                        .orElseThrow(() -> ApiException.invalidField(
                                "memberId", "Le sociétaire « " + memberId + " » est introuvable."));
        return transaction.execute(status -> store(request, requester, useCase, member));
    }

    private ContentCase store(NewCaseRequest request, CurrentUser requester, UseCase useCase, Member member) {
        String memberId = member == null ? null : member.id();
        if (member != null) {
            members.keep(member);
        }
        String promptVersion = prompts.current(useCase).label();
        // the answer time is counted once, from the request, in business days (issue 19)
        OffsetDateTime now = EngineClock.now();
        OffsetDateTime dueAt = useCase.hasDeadline() ? businessDays.dueDate(now, useCase.answerWithin()) : null;
        long id = cases.insert(
                useCase.key(),
                promptVersion,
                memberId,
                request.subject().trim(),
                request.message().trim(),
                requester.username(),
                now,
                dueAt);
        audit.append(
                id,
                requester.username(),
                AuditType.REQUESTED,
                dueAt == null
                        ? Map.of("useCase", useCase.key(), "promptVersion", promptVersion)
                        : Map.of("useCase", useCase.key(), "promptVersion", promptVersion, "dueAt", dueAt.toString()),
                // erasable: the member and what was asked about them (issue 16)
                Map.of(
                        "memberId",
                        memberId == null ? "" : memberId,
                        "subject",
                        request.subject().trim(),
                        "message",
                        request.message().trim()));
        Map<String, Object> variables = new HashMap<>();
        // the entity gate: refuses (and rolls back) a request from an entity the rollout has not reached
        variables.putAll(enablement.admit(id, useCase.key(), requester.username()));
        if (request.handWrittenByChoice()) {
            String reason = request.withoutAiReason() == null
                            || request.withoutAiReason().isBlank()
                    ? null
                    : request.withoutAiReason().strip();
            cases.markWithoutAi(id, reason);
            audit.append(
                    id,
                    requester.username(),
                    AuditType.WITHOUT_AI,
                    Map.of(),
                    // the adviser's own words may name the member: erasable with the rest (issue 16)
                    Map.of("reason", reason == null ? "" : reason));
            variables.put(UseCaseEnablement.SKIP_AI, true);
        }
        // what the engine needs to route the case and offer its tasks; the use case, its regeneration limit and its
        // outcome of a rejection are read from the case's row when a decision needs them (issue 18: each stored
        // variable is four statements and a history row per case)
        variables.put(CaseVariables.CASE_ID, id);
        variables.put(CaseVariables.EXPERT_GROUP, useCase.expertGroup());
        variables.put(CaseVariables.APPROVER_GROUP, useCase.approverGroup());
        variables.put(CaseVariables.REQUESTED_BY, requester.username());
        if (dueAt != null) {
            variables.put(CaseVariables.DUE_DATE, java.util.Date.from(dueAt.toInstant()));
        }
        if (useCase.chatbot() != null) {
            double rate = useCase.chatbot().sampleRate() == null
                    ? 0
                    : useCase.chatbot().sampleRate();
            variables.put("sampled", sampler.nextDouble() < rate);
            variables.put(
                    "conversationWindow",
                    useCase.chatbot().conversationWindow() == null
                            ? "PT24H"
                            : useCase.chatbot().conversationWindow());
        }
        ProcessInstance instance =
                runtimeService.startProcessInstanceByKey(useCase.processKey(), String.valueOf(id), variables);
        return cases.attachProcess(id, instance.getId());
    }
}
