package org.tandem.quality.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.content.Redrafting;
import org.tandem.platform.ai.AiFailures;
import org.tandem.platform.ai.AiProperties;
import org.tandem.platform.database.Rows;
import org.tandem.platform.privacy.PseudonymisationSession;
import org.tandem.platform.usecase.PromptAuthorizations;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.PromptVersion;
import org.tandem.platform.usecase.QualityCatalog;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;
import org.tandem.quality.dataset.CorrectionsDataset;
import org.tandem.quality.dataset.CorrectionsDataset.ReferenceCase;

/**
 * Evaluation runs of a pre-prompt version before it serves: the use case's reference set (its last N
 * approved cases, frozen when the run is requested) is drafted again with the candidate and with the
 * version in service, through the configured provider, and each new draft is measured against the text
 * people approved. The run is a process ({@value PromptAuthorizations#EVALUATION_PROCESS}): its external
 * task drafts in the background ({@link EvaluationWorker}), then an AI referent reads the comparison and
 * decides. A new version of a use case file is requested at start-up; so is, for a use case answering
 * unattended (the chatbot), a version in service no person has authorised yet.
 */
@Service
public class PromptEvaluations {

    public static final String TOPIC = "evaluate-prompt-version";
    static final String EVALUATION_ID = "evaluationId";
    private static final Logger log = LoggerFactory.getLogger(PromptEvaluations.class);

    private final EvaluationRepository runs;
    private final CorrectionsDataset dataset;
    private final PromptRegistry prompts;
    private final PromptAuthorizations authorizations;
    private final UseCaseCatalog useCases;
    private final QualityCatalog quality;
    private final Redrafting redrafting;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final org.camunda.bpm.engine.TaskService taskService;
    private final AiProperties ai;
    private final JdbcClient jdbc;

    PromptEvaluations(
            EvaluationRepository runs,
            CorrectionsDataset dataset,
            PromptRegistry prompts,
            PromptAuthorizations authorizations,
            UseCaseCatalog useCases,
            QualityCatalog quality,
            Redrafting redrafting,
            RuntimeService runtimeService,
            HistoryService historyService,
            org.camunda.bpm.engine.TaskService taskService,
            AiProperties ai,
            JdbcClient jdbc) {
        this.taskService = taskService;
        this.runs = runs;
        this.dataset = dataset;
        this.prompts = prompts;
        this.authorizations = authorizations;
        this.useCases = useCases;
        this.quality = quality;
        this.redrafting = redrafting;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.ai = ai;
        this.jdbc = jdbc;
    }

    /**
     * Requests a run of {@code candidate} on the use case's reference set, beside the version in service;
     * one open run per version (the same is returned).
     */
    @Transactional
    public long request(PromptVersion.Label candidate, String requestedBy) {
        UseCase useCase = useCases.find(candidate.useCaseKey())
                .orElseThrow(
                        () -> ApiException.notFound("Le cas d'usage « " + candidate.useCaseKey() + " » n'existe pas."));
        jdbc.sql("select pg_advisory_xact_lock(7265, hashtext(?))")
                .param(candidate.toString())
                .query()
                .singleRow();
        PromptVersion version = version(candidate)
                .orElseThrow(() -> ApiException.notFound("La version « " + candidate + " » n'existe pas."));
        Optional<EvaluationRepository.Run> open = openRun(candidate);
        if (open.isPresent()) {
            return open.get().id();
        }
        Integer serving = authorizations.servingVersion(useCase.key()).orElse(null);
        Integer baseline = Objects.equals(serving, version.version()) ? null : serving;
        int size = quality.settings(useCase.key()).referenceCases();
        long id = runs.insert(
                useCase.key(), version.version(), baseline, size, ai.provider().key(), requestedBy);
        int position = 0;
        for (ReferenceCase c : dataset.referenceSet(useCase.key(), size)) {
            runs.addCase(id, c.caseId(), EvaluationRepository.Side.CANDIDATE, position);
            if (baseline != null) {
                runs.addCase(id, c.caseId(), EvaluationRepository.Side.BASELINE, position);
            }
            position++;
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(
                PromptAuthorizations.EVALUATION_PROCESS, version.label(), Map.of(EVALUATION_ID, id));
        runs.attachProcess(id, instance.getId());
        log.info(
                "Evaluation {} of {} requested by {}: {} reference cases, beside {}",
                id,
                version.label(),
                requestedBy,
                position,
                baseline == null ? "nothing" : PromptVersion.label(useCase.key(), baseline));
        return id;
    }

    /** The run of this version whose process has not ended (drafting, or waiting for the referent). */
    Optional<EvaluationRepository.Run> openRun(PromptVersion.Label version) {
        return runs.ofVersion(version.useCaseKey(), version.version()).stream()
                .filter(r -> r.processInstanceId() != null
                        && runtimeService
                                        .createProcessInstanceQuery()
                                        .processInstanceId(r.processInstanceId())
                                        .count()
                                > 0)
                .findFirst();
    }

    /**
     * Drafts every case of the run not yet drafted, one at a time, calling {@code afterEach} after each
     * (the worker extends its lock there); a re-delivered run resumes where it stopped.
     */
    void run(long evaluationId, Runnable afterEach) {
        EvaluationRepository.Run run = runs.find(evaluationId).orElseThrow();
        runs.markRunning(evaluationId);
        PromptVersion candidate = prompts.byLabel(PromptVersion.label(run.useCaseKey(), run.candidateVersion()));
        PromptVersion baseline = run.baselineVersion() == null
                ? null
                : prompts.byLabel(PromptVersion.label(run.useCaseKey(), run.baselineVersion()));
        for (EvaluationRepository.CaseRow row : runs.pending(evaluationId)) {
            var side = EvaluationRepository.Side.valueOf(row.side());
            draftOne(
                    evaluationId,
                    row.caseId(),
                    side,
                    side == EvaluationRepository.Side.CANDIDATE ? candidate : baseline);
            afterEach.run();
        }
        runs.markDone(evaluationId);
    }

    private void draftOne(long evaluationId, long caseId, EvaluationRepository.Side side, PromptVersion version) {
        ReferenceCase reference = reference(caseId);
        try {
            Redrafting.Redraft redraft = redrafting.redraft(caseId, version);
            // approved text first: the same values get the same tokens on both sides and in the comparison
            PseudonymisationSession session = dataset.sessionFor(reference.memberId());
            session.pseudonymise(reference.approvedText());
            runs.done(
                    evaluationId,
                    caseId,
                    side,
                    session.pseudonymise(redraft.text()),
                    redraft.model(),
                    org.tandem.content.EditMeasures.characters(redraft.text(), reference.approvedText()),
                    redraft.text().codePointCount(0, redraft.text().length()),
                    redraft.findings().size(),
                    (int) redraft.blockingFindings(),
                    redraft.sourcesCited(),
                    redraft.costEur(),
                    redraft.energyWh(),
                    redraft.latencyMs());
        } catch (RuntimeException e) {
            String reason = e instanceof org.tandem.content.DraftingService.DraftingException
                    ? e.getMessage()
                    : AiFailures.classify(e).reasonFr();
            log.warn("Evaluation {}: drafting case {} ({}) failed: {}", evaluationId, caseId, side, reason);
            runs.failed(evaluationId, caseId, side, reason);
        }
    }

    private ReferenceCase reference(long caseId) {
        return jdbc.sql("""
                        select id as case_id, member_id, subject, message, final_text as approved_text
                        from content_case where id = ?""").param(caseId).query(Rows.of(ReferenceCase.class)).single();
    }

    /** The run as the referent reads it. */
    public Comparison comparison(long evaluationId) {
        EvaluationRepository.Run run = runs.find(evaluationId)
                .orElseThrow(() -> ApiException.notFound("L'évaluation n° " + evaluationId + " n'existe pas."));
        UseCase useCase = useCases.find(run.useCaseKey()).orElse(null);
        List<EvaluationRepository.CaseRow> rows = runs.cases(evaluationId);
        List<Comparison.CaseComparison> cases = new ArrayList<>();
        Map<Long, List<EvaluationRepository.CaseRow>> byCase = new java.util.LinkedHashMap<>();
        rows.forEach(
                r -> byCase.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(r));
        for (var entry : byCase.entrySet()) {
            ReferenceCase reference = reference(entry.getKey());
            PseudonymisationSession session = dataset.sessionFor(reference.memberId());
            String approved = reference.approvedText() == null ? "" : session.pseudonymise(reference.approvedText());
            Comparison.Side candidate = null;
            Comparison.Side baseline = null;
            int position = 0;
            for (var r : entry.getValue()) {
                position = r.position();
                if (r.side().equals("CANDIDATE")) {
                    candidate = side(r);
                } else {
                    baseline = side(r);
                }
            }
            cases.add(new Comparison.CaseComparison(
                    entry.getKey(),
                    position + 1,
                    reference.approvedText() == null
                            ? 0
                            : reference.approvedText().length(),
                    approved,
                    candidate,
                    baseline));
        }
        var decision = authorizations.history(run.useCaseKey()).stream()
                .filter(a -> Objects.equals(a.evaluationId(), evaluationId))
                .findFirst();
        return new Comparison(
                run.id(),
                run.useCaseKey(),
                useCase == null ? run.useCaseKey() : useCase.name().fr(),
                useCase == null ? null : useCase.name().en(),
                versionInfo(run.useCaseKey(), run.candidateVersion()),
                run.baselineVersion() == null ? null : versionInfo(run.useCaseKey(), run.baselineVersion()),
                run.status(),
                run.totalCases(),
                run.doneCases(),
                run.referenceSize(),
                run.provider(),
                run.createdAt(),
                run.finishedAt(),
                totals(rows, "CANDIDATE"),
                run.baselineVersion() == null ? null : totals(rows, "BASELINE"),
                cases,
                decision.map(a -> a.decision().name()).orElse(null),
                decision.map(PromptAuthorizations.Authorization::decidedBy).orElse(null),
                decision.map(PromptAuthorizations.Authorization::reason).orElse(null),
                useCase != null && useCase.chatbot() != null,
                run.processInstanceId() == null
                        ? null
                        : taskService
                                .createTaskQuery()
                                .processInstanceId(run.processInstanceId())
                                .taskDefinitionKey(PromptAuthorizations.AUTHORIZE_TASK)
                                .list()
                                .stream()
                                .map(org.camunda.bpm.engine.task.Task::getId)
                                .findFirst()
                                .orElse(null));
    }

    boolean everEvaluated(PromptVersion.Label version) {
        return !runs.ofVersion(version.useCaseKey(), version.version()).isEmpty();
    }

    Optional<EvaluationRepository.Run> find(long id) {
        return runs.find(id);
    }

    List<EvaluationRepository.Run> ofUseCase(String useCaseKey, int limit) {
        return runs.ofUseCase(useCaseKey, limit);
    }

    Optional<PromptVersion> version(PromptVersion.Label label) {
        try {
            return Optional.of(prompts.byLabel(label.toString()));
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    private Comparison.Version versionInfo(String useCaseKey, int version) {
        PromptVersion v = prompts.byLabel(PromptVersion.label(useCaseKey, version));
        return new Comparison.Version(
                v.label(),
                v.version(),
                v.prePrompt(),
                v.model(),
                authorizations.status(useCaseKey, version).name());
    }

    private static Comparison.Side side(EvaluationRepository.CaseRow r) {
        return new Comparison.Side(
                r.status(),
                r.draftText(),
                r.model(),
                r.editDistance(),
                r.lengthChars(),
                r.guardrailFindings(),
                r.blockingFindings(),
                r.sourcesCited(),
                r.costEur(),
                r.energyWh(),
                r.latencyMs(),
                r.failure());
    }

    static Comparison.Totals totals(List<EvaluationRepository.CaseRow> rows, String side) {
        List<EvaluationRepository.CaseRow> done = rows.stream()
                .filter(r -> r.side().equals(side) && r.status().equals("DONE"))
                .toList();
        int failed = (int) rows.stream()
                .filter(r -> r.side().equals(side) && r.status().equals("FAILED"))
                .count();
        BigDecimal cost = done.stream()
                .map(EvaluationRepository.CaseRow::costEur)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean anyCost = done.stream().anyMatch(r -> r.costEur() != null);
        boolean anyEnergy = done.stream().anyMatch(r -> r.energyWh() != null);
        return new Comparison.Totals(
                done.size(),
                failed,
                mean(done, r -> r.editDistance()),
                done.stream().mapToInt(r -> orZero(r.guardrailFindings())).sum(),
                done.stream().mapToInt(r -> orZero(r.blockingFindings())).sum(),
                mean(done, r -> r.lengthChars() == null ? null : r.lengthChars().doubleValue()),
                mean(
                        done,
                        r -> r.sourcesCited() == null ? null : r.sourcesCited().doubleValue()),
                anyCost ? cost : null,
                anyEnergy
                        ? done.stream()
                                .map(EvaluationRepository.CaseRow::energyWh)
                                .filter(Objects::nonNull)
                                .mapToDouble(Double::doubleValue)
                                .sum()
                        : null,
                mean(done, r -> r.latencyMs() == null ? null : r.latencyMs().doubleValue()));
    }

    private static Double mean(
            List<EvaluationRepository.CaseRow> rows, Function<EvaluationRepository.CaseRow, Double> value) {
        var stats = rows.stream()
                .map(value)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .summaryStatistics();
        return stats.getCount() == 0 ? null : stats.getAverage();
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    /** Whether the former process (unattended-authorization) was ever asked about this version. */
    boolean legacyAuthorizationRequested(String label) {
        return historyService
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey("unattended-authorization")
                        .processInstanceBusinessKey(label)
                        .count()
                > 0;
    }
}
