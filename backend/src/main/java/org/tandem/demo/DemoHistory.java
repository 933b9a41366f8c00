package org.tandem.demo;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tandem.governance.gate.UseCaseOpenings;
import org.tandem.governance.ideas.IdeaRequest;
import org.tandem.governance.ideas.IdeaService;
import org.tandem.governance.ideas.TriageRequest;
import org.tandem.governance.lifecycle.EthicsCriterion;
import org.tandem.governance.lifecycle.EthicsService;
import org.tandem.governance.lifecycle.ExperimentService;
import org.tandem.governance.lifecycle.ExperimentSetup;
import org.tandem.governance.lifecycle.KpiMetric;
import org.tandem.governance.lifecycle.ProjectService;
import org.tandem.governance.lifecycle.RolloutService;
import org.tandem.governance.portfolio.PortfolioService;
import org.tandem.governance.portfolio.RiskTier;
import org.tandem.governance.portfolio.ScoringRequest;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.quality.PrePromptProposals;

/**
 * With the demo profile, on an empty portfolio: ten weeks of the GenAI lifecycle replayed through
 * the same services (and processes) the screens use — projects in every stage, two experiments
 * whose KPIs come from real content cases of pilot and control entities, an adjust loop, a
 * generalised project in rollout, a project refused by the ethics committee.
 *
 * <p>The cases must look weeks old for the KPIs' time series to have a shape. Nothing is inserted
 * behind the processes' back: each step runs while Camunda's engine clock ({@link ClockUtil}) is set
 * to the simulated moment, and Tandem stamps its rows with that clock ({@link org.tandem.platform.time.EngineClock}),
 * as the engine stamps its history. The clock is the JVM's, so the run happens once, right after
 * start-up, in the background; whatever else happens in that minute is stamped in the past too.
 * The clock is reset at the end, before the rollout, which happens today.
 */
@Component
@Profile("demo")
@Order(3)
class DemoHistory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    static final String LETTERS_PROJECT = "Réponses aux courriers des sociétaires";
    static final String REPORTS_PROJECT = "Compte-rendu d'entretien assisté";
    static final String LETTERS = "reply-letter";
    static final String REPORTS = "meeting-report";
    static final String PILOT = "agence-niort";
    static final String CONTROL = "agence-lyon";

    static final CurrentUser ALICE = user("alice", Role.ADVISER, "advisers");
    static final CurrentUser PAUL = user("paul", Role.ADVISER, "advisers");
    static final CurrentUser BOB = user("bob", Role.EXPERT, "experts", "member-relations-experts");
    static final CurrentUser CHLOE = user("chloe", Role.EXPERT, "experts", "member-relations-experts");
    static final CurrentUser MARC = user("marc", Role.MANAGER, "managers");
    static final CurrentUser INES = DemoProjects.INES;
    static final CurrentUser ADMIN = user("admin", Role.ADMIN, "camunda-admin");
    static final CurrentUser RACHEL = DemoProjects.RACHEL;
    static final CurrentUser DIANE = DemoProjects.DIANE;
    static final CurrentUser ERIC = DemoProjects.ERIC;

    /** What the run did, for the log and the test. */
    record Summary(int pilotCases, int controlCases, int surveys, Duration took) {}

    private final DemoProjects firstStages;
    private final DemoCases cases;
    private final IdeaService ideas;
    private final ProjectService projects;
    private final PortfolioService portfolio;
    private final EthicsService ethics;
    private final ExperimentService experiments;
    private final RolloutService rollout;
    private final UseCaseOpenings openings;
    private final PrePromptProposals proposals;
    private final UseCaseCatalog useCases;
    private final boolean enabled;
    private final CompletableFuture<Summary> done = new CompletableFuture<>();
    private volatile Thread worker;

    DemoHistory(
            DemoProjects firstStages,
            DemoCases cases,
            IdeaService ideas,
            ProjectService projects,
            PortfolioService portfolio,
            EthicsService ethics,
            ExperimentService experiments,
            RolloutService rollout,
            UseCaseOpenings openings,
            PrePromptProposals proposals,
            UseCaseCatalog useCases,
            @Value("${tandem.demo.history:true}") boolean history) {
        this.firstStages = firstStages;
        this.cases = cases;
        this.ideas = ideas;
        this.projects = projects;
        this.portfolio = portfolio;
        this.ethics = ethics;
        this.experiments = experiments;
        this.rollout = rollout;
        this.openings = openings;
        this.proposals = proposals;
        this.useCases = useCases;
        this.enabled = history;
    }

    @Override
    public void run(ApplicationArguments args) {
        // once: a restart finds the portfolio filled and leaves it as it is
        if (!enabled || !firstStages.portfolioEmpty()) {
            done.complete(null);
            return;
        }
        worker = new Thread(this::replay, "demo-history");
        worker.setDaemon(true);
        worker.start();
    }

    /** Completes when the run is over (null when there was nothing to do). */
    CompletableFuture<Summary> done() {
        return done;
    }

    @PreDestroy
    void stop() {
        Thread t = worker;
        if (t != null && t.isAlive()) {
            t.interrupt();
        }
    }

    private void replay() {
        long start = System.nanoTime();
        log.info("Demo history: replaying ten weeks of projects and cases in the background");
        try {
            Summary s = replayAll(start);
            log.info(
                    "Demo history ready in {} s: {} pilot and {} control cases through the engine, {} surveys",
                    s.took().toSeconds(),
                    s.pilotCases(),
                    s.controlCases(),
                    s.surveys());
            done.complete(s);
        } catch (RuntimeException e) {
            log.error("Demo history stopped: {}", e.getMessage(), e);
            done.completeExceptionally(e);
        } finally {
            ClockUtil.reset();
        }
    }

    private Summary replayAll(long start) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int[] counts = new int[3];
        SimulatedReviewer people = new SimulatedReviewer(20261204L);

        // week -10: the ideas of the first stages (DemoProjects), as they were filed
        DemoCases.clock(at(today, 70, 9));
        firstStages.seed();
        long reports = firstStages.idOf(REPORTS_PROJECT);

        // the letters project, prepared then experimented from week -8 to week -3
        DemoCases.clock(at(today, 68, 10));
        long letters = ideas.submit(
                        new IdeaRequest(
                                LETTERS_PROJECT,
                                "Les experts écrivent chaque réponse de zéro ; "
                                        + "les sociétaires attendent souvent plus d'une semaine.",
                                "Relation sociétaires",
                                "une centaine de courriers par semaine",
                                "15 minutes par courrier",
                                "message du sociétaire, contrat",
                                "relation-societaires"),
                        CHLOE)
                .id();
        DemoCases.clock(at(today, 66, 11));
        ideas.triage(letters, new TriageRequest(TriageRequest.Decision.ACCEPT, null, null), RACHEL);
        projects.recordNecessity(
                letters,
                "Chaque message est différent et la réponse doit reprendre la situation "
                        + "du sociétaire : un modèle de courrier figé ne répond pas à la question posée.",
                RACHEL);
        DemoCases.clock(at(today, 62, 14));
        portfolio.score(
                letters,
                new ScoringRequest(5200L, 8.0, 4, 20000.0, "mistral-small", 1800L, 600L, 4, RiskTier.LIMITED),
                DIANE);
        portfolio.decide(
                letters,
                PortfolioService.Selection.SELECT,
                "Volume élevé, délai de réponse au sociétaire " + "divisé si le gain se confirme.",
                DIANE);
        DemoCases.clock(at(today, 60, 15));
        ethics.record(letters, favourable(), EthicsService.Outcome.APPROVE, null, ERIC);

        DemoCases.clock(at(today, 57, 9));
        experiments.setUp(
                letters,
                new ExperimentSetup(
                        LETTERS,
                        List.of(PILOT),
                        List.of(CONTROL),
                        List.of("alice", "paul", "chloe"),
                        List.of(
                                kpi(KpiMetric.TIME_TO_APPROVAL, 18.0, 12, 25),
                                kpi(KpiMetric.REJECTION_RATE, null, 10, 25),
                                kpi(KpiMetric.HAND_DRAFTING_RATE, null, 15, 40),
                                kpi(KpiMetric.WORK_COMFORT, 3.0, 3.5, 2.5),
                                kpi(KpiMetric.MEMBER_SATISFACTION, 3.5, 4, 3),
                                kpi(KpiMetric.PERCEIVED_TIME_SAVED, null, 5, 0)),
                        5),
                MARC);
        runCases(LETTERS_REQUESTS, today, 56, 24, 28, 12, people, counts);
        DemoCases.clock(at(today, 40, 17));
        experiments.addFeedback(
                letters, "Le brouillon donne la structure, mais la réponse précise reste à écrire.", ALICE);
        DemoCases.clock(at(today, 30, 17));
        experiments.addFeedback(letters, "Les relectures vont vite ; les sources citées aident à vérifier.", CHLOE);
        DemoCases.clock(at(today, 22, 10));
        experiments.decide(
                letters,
                ExperimentService.Decision.GENERALISE,
                "Temps jusqu'à l'approbation nettement "
                        + "plus court que l'agence témoin, confort des conseillers en hausse, peu de rejets.",
                MARC);
        DemoCases.clock(at(today, 20, 15));
        ethics.record(
                letters,
                favourable(),
                EthicsService.Outcome.APPROVE_WITH_CONDITIONS,
                "Former chaque conseiller à la relecture avant l'ouverture de son agence.",
                ERIC);

        // the reports project: experimented from week -3, adjusted, still running
        DemoCases.clock(at(today, 19, 9));
        List<ExperimentSetup.KpiInput> reportKpis = List.of(
                kpi(KpiMetric.TIME_TO_APPROVAL, 20.0, 12, 30),
                kpi(KpiMetric.HAND_DRAFTING_RATE, null, 15, 40),
                kpi(KpiMetric.WORK_COMFORT, 3.0, 3.5, 2.5));
        experiments.setUp(
                reports,
                new ExperimentSetup(REPORTS, List.of(PILOT), List.of(CONTROL), List.of("alice", "paul"), reportKpis, 5),
                MARC);
        runCases(REPORTS_REQUESTS, today, 18, 11, 6, 3, people, counts);
        DemoCases.clock(at(today, 10, 11));
        experiments.decide(
                reports,
                ExperimentService.Decision.ADJUST,
                "Trop peu de réponses à l'enquête de "
                        + "confort pour conclure : on la pose plus souvent et l'on ajoute la satisfaction des sociétaires.",
                MARC);
        experiments.setUp(
                reports,
                new ExperimentSetup(
                        REPORTS,
                        List.of(PILOT),
                        List.of(CONTROL),
                        List.of("alice", "paul"),
                        concat(reportKpis, kpi(KpiMetric.MEMBER_SATISFACTION, 3.5, 4, 3)),
                        3),
                MARC);
        runCases(REPORTS_REQUESTS, today, 9, 1, 6, 3, people, counts);

        // an idea the committee refused, and a fresh one waiting for its necessity check
        DemoCases.clock(at(today, 50, 10));
        long pricing = ideas.submit(
                        new IdeaRequest(
                                "Tarification santé personnalisée",
                                "Ajuster le tarif santé " + "de chaque sociétaire à partir de ses échanges écrits.",
                                "Actuariat",
                                "en continu",
                                "non mesuré",
                                "échanges écrits, données de santé",
                                "relation-societaires"),
                        DIANE)
                .id();
        ideas.triage(pricing, new TriageRequest(TriageRequest.Decision.ACCEPT, null, null), RACHEL);
        projects.recordNecessity(
                pricing,
                "Les échanges sont en texte libre : aucun barème ne peut les lire sans " + "un modèle de langue.",
                RACHEL);
        DemoCases.clock(at(today, 45, 14));
        portfolio.score(
                pricing,
                new ScoringRequest(100000L, 1.0, 2, 80000.0, "mistral-small", 2000L, 300L, 2, RiskTier.HIGH),
                DIANE);
        portfolio.decide(
                pricing, PortfolioService.Selection.SELECT, "À examiner par le comité avant tout essai.", DIANE);
        DemoCases.clock(at(today, 40, 16));
        ethics.record(
                pricing,
                favourable(),
                EthicsService.Outcome.REJECT,
                "Tarification à partir de données de "
                        + "santé : système à haut risque, contraire à la mutualisation ; refusé.",
                ERIC);
        DemoCases.clock(at(today, 3, 10));
        long translation = ideas.submit(
                        new IdeaRequest(
                                "Courriers en anglais pour les sociétaires expatriés",
                                "Nous traduisons à la main les courriers des sociétaires installés à l'étranger.",
                                "Agence de Lyon",
                                "quelques-uns par semaine",
                                "30 minutes par courrier",
                                "courrier du sociétaire",
                                "reseau"),
                        PAUL)
                .id();
        DemoCases.clock(at(today, 2, 9));
        ideas.triage(translation, new TriageRequest(TriageRequest.Decision.ACCEPT, null, null), RACHEL);

        // today: the letters' rollout, the control agency first (trained), then two more agencies
        ClockUtil.reset();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long first = rollout.addWave(
                        letters,
                        new RolloutService.WaveInput(
                                now.plusDays(1),
                                List.of(CONTROL),
                                List.of(
                                        new RolloutService.PersonInput("paul", RolloutService.PersonRole.USER),
                                        new RolloutService.PersonInput("chloe", RolloutService.PersonRole.TUTOR),
                                        new RolloutService.PersonInput("rachel", RolloutService.PersonRole.REFERENT))),
                        MARC)
                .id();
        rollout.addWave(
                letters,
                new RolloutService.WaveInput(
                        now.plusDays(21),
                        List.of("agence-nantes", "agence-lille"),
                        List.of(
                                new RolloutService.PersonInput("bob", RolloutService.PersonRole.TUTOR),
                                new RolloutService.PersonInput("rachel", RolloutService.PersonRole.REFERENT))),
                MARC);
        rollout.completePlanning(letters, MARC);
        rollout.startNow(letters, first, MARC);
        for (String person : List.of("paul", "chloe", "rachel")) {
            rollout.recordTraining(letters, first, person, RACHEL);
        }
        awaitTask(letters, "completeTraining");
        rollout.completeTraining(letters, first, RACHEL);
        leaveWork();
        return new Summary(counts[0], counts[1], counts[2], Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Today's work left to people (issue 19), so each demo user finds some of their role on their home:
     * two letters to review for the member-relations experts ({@code bob}, {@code chloe}) and one to
     * approve; a claim summary held by {@code ines} and another she checked, which only {@code hugo} may
     * approve (four eyes); a meeting report {@code paul} writes by hand (his agency is the control
     * group). The lifecycle leaves the rest open: the reminders' project at the committee ({@code eric}),
     * the claims' project at scoring ({@code diane}), the translation idea's necessity ({@code rachel}),
     * the reports' experiment running ({@code marc}); a candidate pre-prompt for the letters, evaluated on their
     * reference set, awaits an AI referent's authorisation ({@code rachel}).
     */
    private void leaveWork() {
        // no project governs the claim summary yet: the administrator opens it, with the reason published
        if (openings.inForce(CLAIMS).isEmpty()) {
            openings.open(
                    CLAIMS,
                    "Démonstration : les experts sinistres essaient la synthèse, relue puis approuvée par un second expert.",
                    ADMIN);
        }
        cases.leaveOpen(LETTERS_REQUESTS.get(2), ALICE, DemoCases.Waiting.REVIEW, null);
        cases.leaveOpen(LETTERS_REQUESTS.get(3), ALICE, DemoCases.Waiting.REVIEW, null);
        cases.leaveOpen(LETTERS_REQUESTS.get(0), ALICE, DemoCases.Waiting.APPROVAL, BOB);
        cases.leaveOpen(CLAIMS_REQUESTS.get(0), ALICE, DemoCases.Waiting.REVIEW, INES);
        cases.leaveOpen(CLAIMS_REQUESTS.get(1), ALICE, DemoCases.Waiting.APPROVAL, INES);
        cases.leaveOpen(REPORTS_REQUESTS.get(1), PAUL, DemoCases.Waiting.HAND_DRAFT, null);
        // a candidate pre-prompt for the letters, evaluated on their reference set: rachel authorises or refuses it
        useCases.find(LETTERS)
                .ifPresent(letters -> proposals.propose(LETTERS, letters.prePrompt() + CANDIDATE_RULE, "rachel"));
    }

    /** The letters' candidate pre-prompt: the file's text with one more rule the experts asked for. */
    static final String CANDIDATE_RULE =
            "\n\nRègle ajoutée à la demande des experts : termine par le délai dans lequel "
                    + "le sociétaire recevra une réponse complète et la manière de joindre son conseiller.\n";

    /** {@code pilot} and {@code control} cases spread over the weekdays from {@code fromDaysAgo} to {@code toDaysAgo}. */
    private void runCases(
            List<DemoCases.Request> requests,
            LocalDate today,
            int fromDaysAgo,
            int toDaysAgo,
            int pilot,
            int control,
            SimulatedReviewer people,
            int[] counts) {
        List<LocalDate> days = new ArrayList<>();
        for (int d = fromDaysAgo; d >= toDaysAgo; d--) {
            LocalDate day = today.minusDays(d);
            if (day.getDayOfWeek().getValue() <= 5) {
                days.add(day);
            }
        }
        int total = pilot + control;
        for (int i = 0; i < total; i++) {
            // control cases evenly among the pilot's, so both sides span the same weeks
            boolean isPilot = (long) (i + 1) * control / total == (long) i * control / total;
            LocalDate day = days.get(i * days.size() / total);
            OffsetDateTime at = day.atTime(8 + (i * 7) % 9, (i * 17) % 60).atOffset(ZoneOffset.UTC);
            if (!at.isBefore(OffsetDateTime.now(ZoneOffset.UTC).minusHours(2))) {
                at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
            }
            DemoCases.Request request = requests.get(i % requests.size());
            DemoCases.Outcome o = cases.run(
                    request, people.next(isPilot), at, isPilot ? ALICE : PAUL, people.between(0, 1) == 0 ? BOB : CHLOE);
            counts[isPilot ? 0 : 1]++;
            if (o.surveyed()) {
                counts[2]++;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted");
            }
        }
    }

    private void awaitTask(long projectId, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (projects.view(projectId).openTasks().stream()
                .noneMatch(t -> t.taskKey().equals(key))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + key + " task for project " + projectId);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static OffsetDateTime at(LocalDate today, int daysAgo, int hour) {
        return today.minusDays(daysAgo).atTime(hour, 0).atOffset(ZoneOffset.UTC);
    }

    private static List<EthicsService.CriterionVerdict> favourable() {
        return EnumSet.allOf(EthicsCriterion.class).stream()
                .map(c -> new EthicsService.CriterionVerdict(c, EthicsService.Verdict.FAVOURABLE, "Examiné en séance."))
                .toList();
    }

    private static ExperimentSetup.KpiInput kpi(KpiMetric metric, Double baseline, double target, double guardrail) {
        return new ExperimentSetup.KpiInput(metric, baseline, target, guardrail);
    }

    private static <T> List<T> concat(List<T> list, T item) {
        List<T> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }

    private static CurrentUser user(String name, Role role, String... groups) {
        return new CurrentUser(name, name, EnumSet.of(role), List.of(groups));
    }

    static final List<DemoCases.Request> LETTERS_REQUESTS = List.of(
            new DemoCases.Request(
                    LETTERS,
                    "M-1001",
                    "Remboursement de mes lunettes",
                    "Bonjour, j'ai envoyé ma facture d'opticien il y a trois semaines et je n'ai toujours rien reçu. "
                            + "Pouvez-vous me dire où en est mon remboursement ?",
                    List.of("Votre facture a bien été enregistrée le 12 ; le remboursement de 180 € part sur votre "
                            + "compte cette semaine, sous trois jours ouvrés."),
                    "Nous comprenons votre attente et vous prions de nous excuser pour ce délai."),
            new DemoCases.Request(
                    LETTERS,
                    "M-1002",
                    "Attestation d'assurance habitation",
                    "Mon propriétaire me demande une attestation d'assurance habitation pour le nouveau bail. "
                            + "Pouvez-vous me l'envoyer ?",
                    List.of("Vous trouverez votre attestation jointe à ce courrier ; elle est aussi téléchargeable à "
                            + "tout moment depuis votre espace sociétaire, rubrique « Mes contrats »."),
                    "Voici l'attestation que votre propriétaire vous demande."),
            new DemoCases.Request(
                    LETTERS,
                    "M-1003",
                    "Dégât des eaux dans ma cuisine",
                    "Une fuite chez mon voisin du dessus a abîmé le plafond de ma cuisine. Que dois-je faire ?",
                    List.of("Nous avons ouvert votre dossier de sinistre. Envoyez-nous le constat amiable signé avec "
                            + "votre voisin et des photos du plafond ; un expert vous appellera sous dix jours."),
                    "Nous sommes désolés de ce dégât et allons vous aider à chaque étape."),
            new DemoCases.Request(
                    LETTERS,
                    "M-1004",
                    "Résiliation de mon contrat auto",
                    "J'ai vendu ma voiture le mois dernier. Comment résilier mon contrat auto ?",
                    List.of(
                            "La vente de votre véhicule met fin au contrat dix jours après votre déclaration : envoyez-"
                                    + "nous le certificat de cession, et la part de cotisation non utilisée vous sera remboursée."),
                    "Merci de nous avoir prévenus de la vente de votre véhicule."),
            new DemoCases.Request(
                    LETTERS,
                    "M-1005",
                    "Changement d'adresse",
                    "Je déménage à Poitiers le mois prochain. Faut-il modifier mes contrats ?",
                    List.of(
                            "Nous avons noté votre nouvelle adresse à compter du 1er du mois prochain ; votre contrat "
                                    + "habitation doit être adapté au nouveau logement : un conseiller vous appellera pour cela."),
                    "Bienvenue à Poitiers : voici ce qui change pour vos contrats."),
            new DemoCases.Request(
                    LETTERS,
                    "M-1001",
                    "Prise en charge d'une consultation d'ostéopathie",
                    "Mon contrat santé rembourse-t-il les séances d'ostéopathie ?",
                    List.of("Votre formule rembourse quatre séances par an, à hauteur de 35 € chacune, sur facture "
                            + "d'un praticien inscrit au registre."),
                    "Voici ce que votre contrat santé prévoit pour l'ostéopathie."));

    static final String CLAIMS = "claim-summary";

    static final List<DemoCases.Request> CLAIMS_REQUESTS = List.of(
            new DemoCases.Request(
                    CLAIMS,
                    "M-1003",
                    "Dégât des eaux : plafond de la cuisine",
                    "Historique : déclaration le 3 ; fuite chez le voisin du dessus ; constat amiable reçu le 10 ; "
                            + "photos du plafond jointes ; expertise demandée le 12, rendez-vous le 20 ; le sociétaire "
                            + "a rappelé deux fois pour connaître le délai.",
                    List.of("Expertise le 20 ; indemnisation après le rapport de l'expert."),
                    null),
            new DemoCases.Request(
                    CLAIMS,
                    "M-1004",
                    "Bris de glace sur le véhicule",
                    "Historique : déclaration le 5 ; pare-brise fissuré sur l'autoroute ; facture du réparateur agréé "
                            + "reçue le 7 ; franchise de 50 € selon le contrat ; aucun autre sinistre cette année.",
                    List.of("Facture réglée directement au réparateur, franchise de 50 € à la charge du sociétaire."),
                    null));

    static final List<DemoCases.Request> REPORTS_REQUESTS = List.of(
            new DemoCases.Request(
                    REPORTS,
                    "M-1002",
                    "Revoir la garantie habitation",
                    "Notes : le sociétaire souhaite revoir sa garantie habitation après des travaux ; devis à envoyer ; "
                            + "rappel dans quinze jours.",
                    List.of(
                            "Nous vous envoyons un devis de la formule confort, qui couvre la nouvelle véranda.",
                            "Votre conseiller vous rappelle dans quinze jours pour en parler."),
                    "Merci d'avoir pris le temps de venir en agence."),
            new DemoCases.Request(
                    REPORTS,
                    "M-1004",
                    "Préparer la retraite",
                    "Notes : départ à la retraite dans deux ans ; souhaite un point sur son épargne et sa prévoyance.",
                    List.of(
                            "Nous étudions un complément d'épargne retraite adapté à votre calendrier.",
                            "Rendez-vous le mois prochain avec votre conseiller, muni de vos derniers relevés."),
                    "Merci pour cet échange sur votre projet de retraite."),
            new DemoCases.Request(
                    REPORTS,
                    "M-1005",
                    "Premier logement",
                    "Notes : premier appartement en location ; besoin d'une assurance habitation avant la remise des clés.",
                    List.of(
                            "Votre contrat habitation prend effet le jour de la remise des clés ; l'attestation vous est "
                                    + "envoyée dès aujourd'hui.",
                            "Aucune autre démarche n'est nécessaire de votre côté."),
                    "Merci de nous avoir confié votre premier logement."));
}
