package org.tandem.content;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.members.MemberRepository;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;

/** Opens content cases: the request row and its process instance are created together or not at all. */
@Service("contentCaseService") // Camunda already names its CMMN service "caseService"
public class CaseService {

    private final java.util.random.RandomGenerator sampler = new java.security.SecureRandom();

    private final CaseRepository cases;
    private final MemberRepository members;
    private final UseCaseCatalog useCases;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;
    private final PromptRegistry prompts;
    private final UseCaseEnablement enablement;

    CaseService(
            CaseRepository cases,
            MemberRepository members,
            UseCaseCatalog useCases,
            RuntimeService runtimeService,
            AuditTrail audit,
            PromptRegistry prompts,
            UseCaseEnablement enablement) {
        this.cases = cases;
        this.members = members;
        this.useCases = useCases;
        this.runtimeService = runtimeService;
        this.audit = audit;
        this.prompts = prompts;
        this.enablement = enablement;
    }

    @Transactional
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
        if (memberId != null && members.findById(memberId).isEmpty()) {
            throw ApiException.invalidField("memberId", "Le sociétaire « " + memberId + " » est introuvable.");
        }
        String promptVersion = prompts.current(useCase).label();
        long id = cases.insert(
                useCase.key(),
                promptVersion,
                memberId,
                request.subject().trim(),
                request.message().trim(),
                requester.username());
        audit.append(
                id,
                requester.username(),
                AuditType.REQUESTED,
                Map.of("useCase", useCase.key(), "promptVersion", promptVersion),
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
        variables.put(CaseVariables.CASE_ID, id);
        variables.put(CaseVariables.USE_CASE, useCase.key());
        variables.put(CaseVariables.EXPERT_GROUP, useCase.expertGroup());
        variables.put(CaseVariables.APPROVER_GROUP, useCase.approverGroup());
        variables.put(CaseVariables.REQUESTED_BY, requester.username());
        variables.put(CaseVariables.REGENERATIONS, 0);
        variables.put(CaseVariables.MAX_REGENERATIONS, useCase.regenerationLimit());
        variables.put(CaseVariables.ON_REJECT, useCase.rejectOutcome().name());
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
        cases.attachProcess(id, instance.getId());
        return cases.findById(id).orElseThrow();
    }
}
