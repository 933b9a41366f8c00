package org.tandem.content.erasure;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.content.CaseStatus;
import org.tandem.content.CaseVariables;
import org.tandem.platform.erasure.ErasableCases;
import org.tandem.platform.erasure.ErasureContributor;
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * Erases the personal data of content cases (letters, claim summaries, meeting reports, extractions,
 * AMI questions and the chatbot's conversations, which are all cases): the request and its subject,
 * the stored prompts and knowledge sources, the drafts, the edited versions, the instructions and
 * reasons of the decisions, the disclosed text, the member's link, and the engine history's text
 * variables and error messages of the case's process. A case still open is withdrawn first.
 *
 * <p>Kept, because the KPIs and the law need them and they hold no personal data: the use case, the
 * prompt version, the status, the requester and approver (employees), dates, the AI share, the case's
 * metrics (durations, edit ratios, regenerations), the drafts' producer, model, tokens and latency,
 * the decisions themselves, the disclosure's category, label and marker, the model calls (footprint).
 */
@Component
class CaseErasure implements ErasureContributor, ErasableCases {

    static final String ERASED_SUBJECT = "[données effacées]";
    static final String WITHDRAWAL_REASON =
            "Effacement des données personnelles à la demande du sociétaire (RGPD art. 17)";

    /** Process variables that hold ids, flags, groups and labels: kept; any other text is erased. */
    private static final Set<String> KEPT_VARIABLES = Set.of(
            CaseVariables.CASE_ID,
            CaseVariables.USE_CASE,
            CaseVariables.EXPERT_GROUP,
            CaseVariables.APPROVER_GROUP,
            CaseVariables.REQUESTED_BY,
            CaseVariables.APPROVED_BY,
            CaseVariables.REVIEW_DECISION,
            CaseVariables.APPROVAL_DECISION,
            CaseVariables.ON_REJECT,
            "entityMode",
            "disclosureCategory",
            "disclosureLabel",
            "conversationWindow",
            "authorizedBy");

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final UseCaseCatalog useCases;

    CaseErasure(JdbcClient jdbc, RuntimeService runtime, HistoryService history, UseCaseCatalog useCases) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
        this.useCases = useCases;
    }

    @Override
    public String name() {
        return "content";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Set<Long> casesOf(String memberId) {
        return new LinkedHashSet<>(
                jdbc.sql("select id from content_case where member_id = ? and erased_at is null order by id")
                        .param(memberId)
                        .query(Long.class)
                        .list());
    }

    @Override
    public Set<Long> openCasesOf(String memberId) {
        Set<Long> open = new LinkedHashSet<>();
        for (Long id : casesOf(memberId)) {
            if (!processesStillRunning(Set.of(id)).isEmpty()) {
                open.add(id);
            }
        }
        return open;
    }

    @Override
    public Set<Long> dueForErasure(OffsetDateTime now, int limit) {
        Set<Long> due = new LinkedHashSet<>();
        for (UseCase useCase : useCases.all()) {
            if (due.size() >= limit) {
                break;
            }
            OffsetDateTime closedBefore = now.minus(useCase.retention());
            due.addAll(jdbc.sql("""
                            select id from content_case
                            where use_case_key = ? and erased_at is null and closed_at is not null and closed_at <= ?
                            order by closed_at, id limit ?""")
                    .params(useCase.key(), closedBefore, limit - due.size())
                    .query(Long.class)
                    .list());
        }
        return due;
    }

    @Override
    public boolean knowsMember(String memberId) {
        return jdbc.sql("select exists (select 1 from content_case where member_id = ?)")
                .param(memberId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public int eraseCases(Set<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return 0;
        }
        Long[] ids = caseIds.toArray(Long[]::new);
        int changed = withdrawOpen(caseIds);
        changed += jdbc.sql("""
                        update content_case set subject = ?, message = '', final_text = null, failure_reason = null,
                                                member_id = null, without_ai_reason = null, erased_at = ?, updated_at = ?
                        where id = any(?)""")
                .params(ERASED_SUBJECT, EngineClock.now(), EngineClock.now(), ids)
                .update();
        changed += jdbc.sql("""
                        update case_context set system_prompt = '', user_prompt = '', instruction = null,
                                                passages = '[]'::jsonb, injection_flags = '[]'::jsonb
                        where case_id = any(?)""").param(ids).update();
        changed += jdbc.sql(
                        "update draft set text = '', sources = '[]'::jsonb, guardrails = null where case_id = any(?)")
                .param(ids)
                .update();
        changed += jdbc.sql("update content_version set text = '' where case_id = any(?)")
                .param(ids)
                .update();
        changed += jdbc.sql("update review_decision set instruction = null, reason = null where case_id = any(?)")
                .param(ids)
                .update();
        changed += jdbc.sql("update disclosure set disclosed_text = '' where case_id = any(?)")
                .param(ids)
                .update();
        // the letter as sent (its PDF holds the member's name, address and text) and a mail server's
        // refusal (which may quote the address); the delivery's facts stay: channel, status, dates, hash
        changed += jdbc.sql("""
                        update delivery set document = null, last_error = null
                        where case_id = any(?) and (document is not null or last_error is not null)""").param(ids).update();
        changed += jdbc.sql(
                        "update model_call set failure_reason = 'effacé' where case_id = any(?) and failure_reason is not null")
                .param(ids)
                .update();
        changed += eraseEngineHistory(caseIds);
        return changed;
    }

    /** The cases still running are withdrawn: their process ends, their status says why. */
    private int withdrawOpen(Set<Long> caseIds) {
        List<String> running = processesStillRunning(caseIds);
        for (String processInstanceId : running) {
            runtime.deleteProcessInstance(processInstanceId, WITHDRAWAL_REASON, false, true);
        }
        if (running.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        "update content_case set status = ?, closed_at = coalesce(closed_at, ?) where process_instance_id = any(?)")
                .params(CaseStatus.WITHDRAWN.name(), EngineClock.now(), running.toArray(String[]::new))
                .update();
    }

    private List<String> processesStillRunning(Set<Long> caseIds) {
        List<String> instances = processInstances(caseIds);
        if (instances.isEmpty()) {
            return List.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(instances)).list().stream()
                .map(p -> p.getId())
                .toList();
    }

    private List<String> processInstances(Set<Long> caseIds) {
        return jdbc.sql(
                        "select process_instance_id from content_case where id = any(?) and process_instance_id is not null")
                .param(caseIds.toArray(Long[]::new))
                .query(String.class)
                .list();
    }

    /**
     * The engine's history of the cases' processes: text variables other than ids, flags and labels
     * (through the engine's API, which also removes their history of updates), and the error messages
     * of incidents, external tasks and jobs (in SQL: Camunda has no API to change them).
     */
    private int eraseEngineHistory(Set<Long> caseIds) {
        List<String> instances = processInstances(caseIds);
        if (instances.isEmpty()) {
            return 0;
        }
        int changed = 0;
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new))
                .disableCustomObjectDeserialization()
                .list();
        for (HistoricVariableInstance v : variables) {
            boolean text = v.getValue() instanceof String
                    || v.getValue() == null
                            && v.getTypeName() != null
                            && !Set.of("null", "boolean", "integer", "long", "double", "short", "date")
                                    .contains(v.getTypeName());
            if (text && !KEPT_VARIABLES.contains(v.getName())) {
                history.deleteHistoricVariableInstance(v.getId());
                changed++;
            }
        }
        String[] ids = instances.toArray(String[]::new);
        changed += jdbc.sql(
                        "update act_hi_incident set incident_msg_ = null where proc_inst_id_ = any(?) and incident_msg_ is not null")
                .param(ids)
                .update();
        changed += jdbc.sql(
                        "update act_hi_ext_task_log set error_msg_ = null where proc_inst_id_ = any(?) and error_msg_ is not null")
                .param(ids)
                .update();
        changed += jdbc.sql("update act_hi_job_log set job_exception_msg_ = null where process_instance_id_ = any(?)"
                        + " and job_exception_msg_ is not null")
                .param(ids)
                .update();
        return changed;
    }
}
