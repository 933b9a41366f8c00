package org.tandem.quality.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.content.CaseService;
import org.tandem.content.ContentCase;
import org.tandem.content.NewCaseRequest;
import org.tandem.content.drafting.DraftWorker;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.usecase.PromptAuthorizations;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.PromptVersion;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskCompletion;
import org.tandem.work.TaskDecision;

/**
 * An evaluation run through LangChain4j's real OpenAI client against a local provider whose answers depend
 * on the pre-prompt ({@link VersionAwareProvider}): reply letters drafted by the version in service and
 * corrected by an expert make the reference set; a candidate version asking for three sentences at most is drafted
 * again on it and measured beside the version in service. Prints the comparison as the README shows it; once
 * authorised, the candidate drafts the next case.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false",
            "tandem.ai.provider=openai-compatible", "tandem.ai.model=mistral-small"
        })
@ActiveProfiles({"test", "demo"})
class PromptEvaluationWithProviderIT {

    static final VersionAwareProvider provider = new VersionAwareProvider();

    static final CurrentUser ALICE = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
    static final CurrentUser BOB =
            new CurrentUser("bob", "Bob", EnumSet.of(Role.EXPERT), List.of("experts", "member-relations-experts"));
    static final CurrentUser RACHEL =
            new CurrentUser("rachel", "Rachel", EnumSet.of(Role.AI_REFERENT), List.of("ai-referents"));

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("tandem.ai.base-url", provider::baseUrl);
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Autowired
    CaseService cases;

    @Autowired
    DraftWorker drafts;

    @Autowired
    EvaluationWorker evaluationWorker;

    @Autowired
    PromptEvaluations evaluations;

    @Autowired
    PromptRegistry prompts;

    @Autowired
    PromptAuthorizations authorizations;

    @Autowired
    UseCaseCatalog useCases;

    @Autowired
    TaskService taskService;

    @Autowired
    TaskCompletion completion;

    @Autowired
    DraftDisplays displays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.tandem.demo.DemoKnowledge knowledge;

    static final List<String[]> REQUESTS = List.of(
            new String[] {
                "M-1001",
                "Dégât des eaux dans la cuisine",
                "Bonjour, une fuite sous l'évier a abîmé le parquet. Que dois-je faire ?",
                "L'expert passera mardi matin."
            },
            new String[] {
                "M-1002",
                "Attestation d'assurance habitation",
                "Bonjour, mon bailleur me demande une attestation.",
                "Vous la trouverez dès aujourd'hui dans votre espace."
            },
            new String[] {
                "M-1003",
                "Changement d'adresse",
                "Bonjour, je déménage le 1er mars à Poitiers.",
                "Votre nouvelle adresse sera prise en compte au 1er mars."
            },
            new String[] {
                "M-1004",
                "Franchise du contrat auto",
                "Bonjour, quelle est ma franchise en cas de bris de glace ?",
                "Votre contrat ne prévoit pas de franchise pour le bris de glace."
            });

    private Task task(long caseId, String key) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(caseId))
                .taskDefinitionKey(key)
                .singleResult();
    }

    /** Filed, drafted by the version in service through the provider, corrected and approved by bob. */
    private long referenceCase(String[] r) {
        ContentCase c = cases.open(new NewCaseRequest("reply-letter", r[0], r[1], r[2]), ALICE);
        assertThat(drafts.runOnce()).isPositive();
        completion.complete(task(c.id(), "review").getId(), new TaskDecision(TaskDecision.Decision.EDIT, null), BOB);
        String approved = VersionAwareProvider.concise(r[1], false).replace("ouvrés.", "ouvrés. " + r[3]);
        completion.complete(
                task(c.id(), "edit").getId(), new TaskDecision(TaskDecision.Decision.SUBMIT, approved), BOB);
        Task approve = task(c.id(), "approve");
        displays.record(approve.getId(), BOB, 60_000);
        completion.complete(approve.getId(), new TaskDecision(TaskDecision.Decision.APPROVE, null), BOB);
        return c.id();
    }

    @Test
    void aVersionAskingForShortSentencesIsCloserToWhatPeopleApproveAndOnceAuthorisedDraftsTheNextCase() {
        knowledge.load();
        String serving = prompts.current(useCases.require("reply-letter")).label();
        REQUESTS.forEach(this::referenceCase);

        String text = useCases.require("reply-letter").prePrompt() + "\nÉcris " + VersionAwareProvider.CONCISE
                + " et cite la source qui fonde ta réponse ([S1]).";
        PromptVersion candidate = prompts.register("reply-letter", text);
        long run = evaluations.request(PromptVersion.parse(candidate.label()), "rachel");
        // the chatbot's run requested at start-up may come first: run them all
        int runs = 0;
        while (evaluationWorker.runOnce() > 0) {
            runs++;
        }
        assertThat(runs).isPositive();
        Comparison c = evaluations.comparison(run);
        System.out.println(table(c));

        assertThat(c.status()).isEqualTo("DONE");
        assertThat(c.baseline().label()).isEqualTo(serving);
        assertThat(c.candidateTotals().drafted()).isEqualTo(4);
        assertThat(c.baselineTotals().drafted()).isEqualTo(4);
        assertThat(c.candidateTotals().meanEditDistance())
                .as("the candidate writes what people approve")
                .isLessThan(c.baselineTotals().meanEditDistance() / 2);
        assertThat(c.candidateTotals().meanLength())
                .isLessThan(c.baselineTotals().meanLength());
        assertThat(c.candidateTotals().meanSourcesCited())
                .isGreaterThan(c.baselineTotals().meanSourcesCited());
        assertThat(c.candidateTotals().costEur()).isNotNull().isPositive();
        assertThat(c.candidateTotals().costEur()).isLessThan(c.baselineTotals().costEur());
        assertThat(c.candidateTotals().energyWh()).isLessThan(c.baselineTotals().energyWh());
        assertThat(c.candidateTotals().meanLatencyMs())
                .isLessThan(c.baselineTotals().meanLatencyMs());
        for (var row : c.cases()) {
            assertThat(row.candidate().text())
                    .as("pseudonymised for the referent")
                    .doesNotContain("Martin", "Bernard");
        }
        assertThat(jdbc.sql("select count(*) from model_call where prompt_version = ? and case_id is null")
                        .param(candidate.label())
                        .query(Integer.class)
                        .single())
                .as("the run's calls are in the footprint, under the version")
                .isEqualTo(4);

        Task decision = taskService
                .createTaskQuery()
                .taskDefinitionKey(PromptAuthorizations.AUTHORIZE_TASK)
                .processInstanceBusinessKey(candidate.label())
                .singleResult();
        displays.record(decision.getId(), RACHEL, 90_000);
        completion.complete(decision.getId(), new TaskDecision(TaskDecision.Decision.APPROVE, null), RACHEL);
        ContentCase next = cases.open(
                new NewCaseRequest(
                        "reply-letter",
                        "M-1005",
                        "Résiliation de l'assurance scolaire",
                        "Bonjour, je souhaite résilier."),
                ALICE);
        drafts.runOnce();
        assertThat(next.promptVersion()).isEqualTo(candidate.label());
        assertThat(jdbc.sql("select text from draft where case_id = ?")
                        .param(next.id())
                        .query(String.class)
                        .single())
                .as("drafted by the authorised version")
                .contains("cinq jours ouvrés");
    }

    /** The comparison as a Markdown table (totals), as the README shows it. */
    static String table(Comparison c) {
        var out = new StringBuilder("\n| measure over " + c.cases().size() + " reference cases | "
                + c.baseline().label() + " (in service) | " + c.candidate().label()
                + " (candidate) |\n|---|---|---|\n");
        row(
                out,
                "mean edit distance to the approved text",
                c.baselineTotals().meanEditDistance(),
                c.candidateTotals().meanEditDistance(),
                3);
        row(
                out,
                "guardrail findings",
                (double) c.baselineTotals().guardrailFindings(),
                (double) c.candidateTotals().guardrailFindings(),
                0);
        row(
                out,
                "mean length (characters)",
                c.baselineTotals().meanLength(),
                c.candidateTotals().meanLength(),
                0);
        row(
                out,
                "mean sources cited",
                c.baselineTotals().meanSourcesCited(),
                c.candidateTotals().meanSourcesCited(),
                2);
        row(
                out,
                "cost (EUR)",
                c.baselineTotals().costEur().doubleValue(),
                c.candidateTotals().costEur().doubleValue(),
                6);
        row(
                out,
                "energy (Wh, middle of the range)",
                c.baselineTotals().energyWh(),
                c.candidateTotals().energyWh(),
                3);
        row(
                out,
                "mean latency (ms)",
                c.baselineTotals().meanLatencyMs(),
                c.candidateTotals().meanLatencyMs(),
                0);
        out.append("\n| case | distance ")
                .append(c.baseline().label())
                .append(" | distance ")
                .append(c.candidate().label())
                .append(" |\n|---|---|---|\n");
        for (var r : c.cases()) {
            out.append("| ")
                    .append(r.position())
                    .append(" (n° ")
                    .append(r.caseId())
                    .append(") | ")
                    .append(String.format(Locale.ROOT, "%.3f", r.baseline().editDistance()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", r.candidate().editDistance()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Double baseline, Double candidate, int digits) {
        String f = "%." + digits + "f";
        out.append("| ")
                .append(name)
                .append(" | ")
                .append(baseline == null ? "—" : String.format(Locale.ROOT, f, baseline))
                .append(" | ")
                .append(candidate == null ? "—" : String.format(Locale.ROOT, f, candidate))
                .append(" |\n");
    }
}
