package org.tandem.content.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;

/**
 * The case's process diagram (BPMN XML of the definition its process runs) with where it stands:
 * the activities active now and those already completed. Whoever may read the case may read this.
 */
@RestController
class ProcessDiagramController {

    record ProcessDiagram(
            String processDefinitionKey,
            String processName,
            boolean ended,
            String xml,
            List<String> activeActivityIds,
            List<String> completedActivityIds) {}

    private final CaseViews caseViews;
    private final CurrentUsers currentUsers;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final UseCaseCatalog useCases;

    ProcessDiagramController(
            CaseViews caseViews,
            CurrentUsers currentUsers,
            HistoryService historyService,
            RuntimeService runtimeService,
            RepositoryService repositoryService,
            UseCaseCatalog useCases) {
        this.useCases = useCases;
        this.caseViews = caseViews;
        this.currentUsers = currentUsers;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    @GetMapping("/api/cases/{id}/diagram")
    @PreAuthorize("isAuthenticated()")
    ProcessDiagram diagram(@PathVariable long id) {
        CaseView view = caseViews.view(id, currentUsers.current());
        String processKey = useCases.find(view.useCaseKey())
                .map(UseCase::processKey)
                .orElseThrow(() -> ApiException.notFound("Ce dossier n'a pas de processus connu."));
        // the case's own process carries the case id as business key (the latest, should one restart)
        HistoricProcessInstance instance = historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(Long.toString(id))
                .orderByProcessInstanceStartTime()
                .desc()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Ce dossier n'a pas (encore) de processus."));
        boolean ended = instance.getEndTime() != null;
        List<String> active = ended ? List.of() : runtimeService.getActiveActivityIds(instance.getId());
        Set<String> completed = new LinkedHashSet<>();
        historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .finished()
                .list()
                .stream()
                .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
                .forEach(a -> completed.add(a.getActivityId()));
        String name = instance.getProcessDefinitionName();
        return new ProcessDiagram(
                instance.getProcessDefinitionKey(),
                name,
                ended,
                xml(instance.getProcessDefinitionId()),
                active,
                List.copyOf(completed));
    }

    private String xml(String definitionId) {
        try (InputStream in = repositoryService.getProcessModel(definitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the process model " + definitionId, e);
        }
    }
}
