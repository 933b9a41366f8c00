package org.tandem.content.casefile;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.content.CaseRepository;
import org.tandem.members.MemberRepository;
import org.tandem.work.CaseFacts;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskCases;
import org.tandem.work.TaskFormValues;

/** The content cases as the task list, the task page and the tasks' Camunda Forms show them. */
@Component
class CasesOfTasks implements TaskCases, TaskFormValues {

    private final CaseRepository cases;
    private final MemberRepository members;
    private final CaseViews views;

    CasesOfTasks(CaseRepository cases, MemberRepository members, CaseViews views) {
        this.cases = cases;
        this.members = members;
        this.views = views;
    }

    @Override
    public Optional<CaseFacts> facts(long caseId) {
        return cases.findById(caseId)
                .map(c -> new CaseFacts(
                        c.id(),
                        c.useCaseKey(),
                        c.memberId(),
                        c.memberId() == null
                                ? null
                                : members.findById(c.memberId())
                                        .map(m -> m.displayName())
                                        .orElse(c.memberId()),
                        c.subject(),
                        c.entityCode()));
    }

    @Override
    public CaseView view(long caseId) {
        return views.viewTrusted(caseId);
    }

    /** The case's texts under the keys the forms use. */
    @Override
    public void contribute(Task task, String businessKey, Map<String, Object> data) {
        Optional<Long> caseId = TaskAccess.caseIdOf(businessKey);
        if (caseId.isEmpty()) {
            return;
        }
        CaseView view = views.viewTrusted(caseId.get());
        putIfPresent(data, "subject", view.subject());
        String current = view.currentText() != null
                ? view.currentText()
                : view.draft() == null ? null : view.draft().text();
        putIfPresent(data, "text", current);
        putIfPresent(
                data, "draftText", view.draft() == null ? null : view.draft().text());
        putIfPresent(data, "answer", view.finalText() != null ? view.finalText() : current);
        putIfPresent(data, "document", view.message());
    }

    private static void putIfPresent(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
