package org.tandem.demo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.tandem.content.CaseService;
import org.tandem.content.ContentCase;
import org.tandem.content.ContentTasks;
import org.tandem.content.CurrentText;
import org.tandem.content.NewCaseRequest;
import org.tandem.governance.SurveySampling;
import org.tandem.governance.lifecycle.ExperimentService;
import org.tandem.platform.security.CurrentUser;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskCompletion;
import org.tandem.work.TaskDecision;
import org.tandem.work.TaskDecision.Decision;

/**
 * Runs one real content case through the engine for the demo's history: filed with the case
 * service, drafted by the AI step's worker (the offline drafter), reviewed, edited, hand-drafted
 * and approved with the review service — the whole text displayed first, as the task page reports
 * it — and disclosed by the engine's job executor. The people's choices and durations come from
 * {@link SimulatedReviewer}; each step runs with the engine's clock set to the simulated moment, so
 * the case's rows and the engine's history carry that moment (see {@link org.tandem.platform.time.EngineClock}).
 */
@Component
@Profile("demo")
class DemoCases {

    /** What a member asks, and what the people answer in the letter. */
    record Request(
            String useCaseKey,
            String memberId,
            String subject,
            String message,
            List<String> answers,
            String heavyOpening) {}

    record Outcome(long caseId, SimulatedReviewer.Path path, boolean surveyed) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[À COMPLÉTER[^\\]]*\\]");
    private static final Pattern INSTRUCTION_NOTE = Pattern.compile("(?s)\\s*\\[Consigne de l'expert.*?\\]");
    private static final String SOURCES_HEADING = "Sources de la base de connaissances à vérifier";

    private final CaseService caseService;
    private final TaskCompletion reviews;
    private final DraftDisplays displays;
    private final CurrentText currentText;
    private final ExperimentService experiments;
    private final SurveySampling surveys;
    private final TaskService taskService;
    private final HistoryService historyService;

    DemoCases(
            CaseService caseService,
            TaskCompletion reviews,
            DraftDisplays displays,
            CurrentText currentText,
            ExperimentService experiments,
            SurveySampling surveys,
            TaskService taskService,
            HistoryService historyService) {
        this.caseService = caseService;
        this.reviews = reviews;
        this.displays = displays;
        this.currentText = currentText;
        this.experiments = experiments;
        this.surveys = surveys;
        this.taskService = taskService;
        this.historyService = historyService;
    }

    Outcome run(Request r, SimulatedReviewer.Plan plan, OffsetDateTime at, CurrentUser adviser, CurrentUser expert) {
        clock(at);
        ContentCase c =
                caseService.open(new NewCaseRequest(r.useCaseKey(), r.memberId(), r.subject(), r.message()), adviser);
        long id = c.id();
        switch (plan.path()) {
            case HAND_DRAFT -> {
                clock(at.plusMinutes(plan.submitAt()));
                submit(task(id, ContentTasks.HAND_DRAFT), handWritten(r), adviser);
            }
            case ACCEPT_THEN_COMPLETE -> {
                clock(at.plusMinutes(plan.reviewAt()));
                String review = task(id, ContentTasks.REVIEW);
                display(review, expert, plan.reviewAt());
                reviews.complete(review, new TaskDecision(Decision.ACCEPT, null), expert);
                String approve = task(id, ContentTasks.APPROVE);
                display(approve, expert, 1);
                reviews.complete(
                        approve,
                        new TaskDecision(
                                Decision.RETURN,
                                null,
                                null,
                                "La réponse précise manque encore : compléter avant envoi."),
                        expert);
                clock(at.plusMinutes(plan.submitAt()));
                submit(task(id, ContentTasks.EDIT), completed(current(id), r, false), expert);
            }
            case LIGHT_EDIT, HEAVY_EDIT -> {
                clock(at.plusMinutes(plan.reviewAt()));
                String review = task(id, ContentTasks.REVIEW);
                display(review, expert, plan.reviewAt());
                reviews.complete(review, new TaskDecision(Decision.EDIT, null), expert);
                clock(at.plusMinutes(plan.submitAt()));
                submit(
                        task(id, ContentTasks.EDIT),
                        completed(current(id), r, plan.path() == SimulatedReviewer.Path.HEAVY_EDIT),
                        expert);
            }
            case REGENERATE_THEN_EDIT -> {
                clock(at.plusMinutes(plan.reviewAt()));
                String review = task(id, ContentTasks.REVIEW);
                display(review, expert, plan.reviewAt());
                reviews.complete(
                        review,
                        new TaskDecision(
                                Decision.REGENERATE,
                                null,
                                "Répondre d'abord à la question du sociétaire, plus brièvement.",
                                null),
                        expert);
                String second = task(id, ContentTasks.REVIEW);
                reviews.complete(second, new TaskDecision(Decision.EDIT, null), expert);
                clock(at.plusMinutes(plan.submitAt()));
                submit(task(id, ContentTasks.EDIT), completed(current(id), r, false), expert);
            }
            case REJECT_THEN_HAND_DRAFT -> {
                clock(at.plusMinutes(plan.reviewAt()));
                String review = task(id, ContentTasks.REVIEW);
                display(review, expert, plan.reviewAt());
                reviews.complete(
                        review,
                        new TaskDecision(
                                Decision.REJECT,
                                null,
                                null,
                                "Le brouillon passe à côté de la demande : mieux vaut l'écrire entièrement."),
                        expert);
                clock(at.plusMinutes(plan.submitAt()));
                submit(task(id, ContentTasks.HAND_DRAFT), handWritten(r), adviser);
            }
        }
        clock(at.plusMinutes(plan.approveAt()));
        String approve = task(id, ContentTasks.APPROVE);
        display(approve, expert, Math.max(1, plan.approveAt() - plan.submitAt()));
        reviews.complete(approve, new TaskDecision(Decision.APPROVE, null), expert);
        disclose(id);
        // the people's measures, through the same services as the case page's survey
        clock(at.plusMinutes(plan.approveAt() + 30));
        boolean asked = surveys.asks(id, r.useCaseKey(), c.entityCode());
        if (asked) {
            experiments.answerSurvey(id, plan.comfort(), plan.minutesSaved(), adviser);
        }
        if (plan.satisfaction() != null) {
            experiments.recordSatisfaction(id, plan.satisfaction(), adviser);
        }
        return new Outcome(id, plan.path(), asked);
    }

    /** Where a case of the demo's open work stops, waiting for people (issue 19). */
    enum Waiting {
        /** at the expert's review, offered to the group, or held by {@code expert} when given */
        REVIEW,
        /** reviewed and edited by {@code expert}, at the approval */
        APPROVAL,
        /** no AI step for the adviser's entity: at their hand-drafting */
        HAND_DRAFT
    }

    /** A case filed now and left open where people take it up (the demo's work to do, issue 19). */
    long leaveOpen(Request r, CurrentUser adviser, Waiting waiting, CurrentUser expert) {
        ContentCase c =
                caseService.open(new NewCaseRequest(r.useCaseKey(), r.memberId(), r.subject(), r.message()), adviser);
        long id = c.id();
        switch (waiting) {
            case REVIEW -> {
                String review = task(id, ContentTasks.REVIEW);
                if (expert != null) {
                    taskService.claim(review, expert.username());
                }
            }
            case APPROVAL -> {
                // edited by the expert: where the use case asks four eyes, someone else approves
                String review = task(id, ContentTasks.REVIEW);
                display(review, expert, 3);
                reviews.complete(review, new TaskDecision(Decision.EDIT, null), expert);
                submit(task(id, ContentTasks.EDIT), completed(current(id), r, false), expert);
                task(id, ContentTasks.APPROVE);
            }
            case HAND_DRAFT -> task(id, ContentTasks.HAND_DRAFT);
        }
        return id;
    }

    private void submit(String taskId, String text, CurrentUser user) {
        reviews.complete(taskId, new TaskDecision(Decision.SUBMIT, text), user);
    }

    /** The task page's report that the whole text and its sources were displayed (the full-display rule). */
    private void display(String taskId, CurrentUser user, int minutes) {
        displays.record(taskId, user, Duration.ofMinutes(minutes).toMillis());
    }

    private String current(long caseId) {
        return currentText.of(caseId).orElseThrow().text();
    }

    /** The disclosure is an asynchronous job: the job executor runs it, at the approval's moment. */
    private void disclose(long caseId) {
        String key = String.valueOf(caseId);
        await(
                "fin du dossier " + caseId,
                () -> historyService
                                        .createHistoricProcessInstanceQuery()
                                        .processInstanceBusinessKey(key)
                                        .finished()
                                        .count()
                                > 0
                        ? Boolean.TRUE
                        : null);
    }

    private String task(long caseId, String key) {
        return await("tâche " + key + " du dossier " + caseId, () -> {
            Task t = taskService
                    .createTaskQuery()
                    .processInstanceBusinessKey(String.valueOf(caseId))
                    .taskDefinitionKey(key)
                    .active()
                    .singleResult();
            return t == null ? null : t.getId();
        });
    }

    private static <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException("Historique de démonstration : délai dépassé en attendant " + what);
    }

    static void clock(OffsetDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
    }

    /** The reviewer's edit: the missing answer written in, the drafter's notes taken out. */
    static String completed(String draft, Request r, boolean heavy) {
        String text = draft;
        int sources = text.indexOf(SOURCES_HEADING);
        if (sources >= 0) {
            text = text.substring(0, sources);
        }
        text = INSTRUCTION_NOTE.matcher(text).replaceAll("");
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            r.answers().get(Math.min(i++, r.answers().size() - 1))));
        }
        m.appendTail(out);
        text = out.toString().strip();
        if (heavy && r.heavyOpening() != null) {
            text = text.replaceFirst(
                    "(?m)^(Nous avons bien reçu|Nous vous remercions pour)[^\\n]*",
                    Matcher.quoteReplacement(r.heavyOpening()));
        }
        return text;
    }

    /** A letter written by hand, as the control group and the rejected drafts get. */
    static String handWritten(Request r) {
        String body = String.join("\n\n", r.answers());
        if (r.useCaseKey().equals("meeting-report")) {
            return "Objet : compte-rendu de notre entretien — " + r.subject() + "\n\nMadame, Monsieur,\n\n"
                    + "Suite à notre rendez-vous, voici ce que nous avons retenu.\n\n" + body
                    + "\n\nJe reste à votre disposition pour toute question.\n\nVotre conseiller";
        }
        return "Objet : " + r.subject() + "\n\nMadame, Monsieur,\n\nVous nous avez écrit au sujet de « " + r.subject()
                + " ». " + body + "\n\nN'hésitez pas à nous appeler ou à passer par votre espace sociétaire pour "
                + "toute question.\n\nNous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations "
                + "distinguées.\n\nVotre conseiller";
    }
}
