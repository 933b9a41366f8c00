package org.tandem.demo;

import java.util.EnumSet;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.governance.ideas.IdeaRequest;
import org.tandem.governance.ideas.IdeaService;
import org.tandem.governance.ideas.TriageRequest;
import org.tandem.governance.lifecycle.EthicsCriterion;
import org.tandem.governance.lifecycle.EthicsService;
import org.tandem.governance.lifecycle.ProjectService;
import org.tandem.governance.portfolio.PortfolioService;
import org.tandem.governance.portfolio.RiskTier;
import org.tandem.governance.portfolio.ScoringRequest;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;

/**
 * With the demo profile, on an empty portfolio: ideas in the first stages of the lifecycle, each
 * moved there through the same services (and processes) the screens use, by the demo user of the
 * step's role. They stop before any experiment opens a use case to some entities only, so every
 * use case stays enabled everywhere until someone sets an experiment up — unless the demo history is
 * on ({@link DemoHistory}, the demo's default): it seeds these weeks ago, then takes them further.
 */
@Component
@Profile("demo")
@Order(2)
class DemoProjects implements ApplicationRunner {

    static final CurrentUser ALICE = user("alice", Role.ADVISER, "advisers");
    static final CurrentUser PAUL = user("paul", Role.ADVISER, "advisers");
    static final CurrentUser INES = user("ines", Role.EXPERT, "experts", "claims-experts");
    static final CurrentUser CHLOE = user("chloe", Role.EXPERT, "experts", "member-relations-experts");
    static final CurrentUser RACHEL = user("rachel", Role.AI_REFERENT, "ai-referents");
    static final CurrentUser DIANE = user("diane", Role.DIRECTORATE, "directorate");
    static final CurrentUser ERIC = user("eric", Role.ETHICS, "ethics-committee");

    private final IdeaService ideas;
    private final ProjectService projects;
    private final PortfolioService portfolio;
    private final EthicsService ethics;
    private final JdbcClient jdbc;
    private final boolean history;

    DemoProjects(
            IdeaService ideas,
            ProjectService projects,
            PortfolioService portfolio,
            EthicsService ethics,
            JdbcClient jdbc,
            @Value("${tandem.demo.history:true}") boolean history) {
        this.history = history;
        this.ideas = ideas;
        this.projects = projects;
        this.portfolio = portfolio;
        this.ethics = ethics;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        // with the demo's history, DemoHistory seeds these too, weeks ago, before the experiments
        if (history || !portfolioEmpty()) {
            return;
        }
        seed();
    }

    boolean portfolioEmpty() {
        return jdbc.sql("select count(*) from genai_project")
                        .query(Integer.class)
                        .single()
                == 0;
    }

    long idOf(String title) {
        return jdbc.sql("select id from genai_project where title = ? order by id limit 1")
                .param(title)
                .query(Long.class)
                .single();
    }

    void seed() {
        ideas.submit(
                idea(
                        "Résumé des appels sociétaires",
                        "Après chaque appel, je résume l'échange dans le dossier : "
                                + "c'est long et souvent incomplet.",
                        "Plateau téléphonique",
                        "40 appels par jour",
                        "3 minutes par appel",
                        "notes d'appel, numéro de contrat",
                        "relation-societaires"),
                ALICE);

        long chatbot = ideas.submit(
                        idea(
                                "Assistant RH pour les collègues",
                                "Les questions sur les congés reviennent " + "sans cesse.",
                                "Agence de Lyon",
                                "chaque semaine",
                                "1 heure par semaine",
                                "aucune donnée sociétaire",
                                "reseau"),
                        PAUL)
                .id();
        ideas.triage(
                chatbot,
                new TriageRequest(
                        TriageRequest.Decision.REJECT,
                        "Hors du périmètre de la convention : "
                                + "l'intranet RH répond déjà à ces questions, sans IA générative.",
                        null),
                RACHEL);

        long claims = ideas.submit(
                        idea(
                                "Synthèse des dossiers sinistres",
                                "Reprendre un dossier sinistre demande de "
                                        + "relire tout l'historique avant d'appeler le sociétaire.",
                                "Centre de gestion des sinistres",
                                "une trentaine de dossiers par jour",
                                "15 minutes par dossier",
                                "historique du sinistre, expertise",
                                "sinistres"),
                        INES)
                .id();
        accept(
                claims,
                "Les historiques sont des textes libres de longueur très variable : seule une synthèse "
                        + "rédigée les rend lisibles en une minute.");

        long reminders = ideas.submit(
                        idea(
                                "Courriers de relance de pièces",
                                "Chaque relance de pièce manquante est " + "écrite à la main.",
                                "Relation sociétaires",
                                "20 par jour",
                                "8 minutes par courrier",
                                "liste des pièces, nom du sociétaire",
                                "relation-societaires"),
                        CHLOE)
                .id();
        accept(
                reminders,
                "Chaque relance reprend la situation du sociétaire ; les modèles figés sont jugés "
                        + "impersonnels par les sociétaires.");
        score(reminders, 5000, 6, 3, 15000, 2, RiskTier.LIMITED);
        portfolio.decide(
                reminders, PortfolioService.Selection.SELECT, "Gain modeste mais immédiat, risque limité.", DIANE);

        long reports = ideas.submit(
                        idea(
                                "Compte-rendu d'entretien assisté",
                                "Rédiger le compte-rendu d'un entretien "
                                        + "prend du temps et retarde l'envoi au sociétaire.",
                                "Conseillers en agence",
                                "dix par jour et par agence",
                                "20 minutes par compte-rendu",
                                "notes d'entretien",
                                "reseau"),
                        ALICE)
                .id();
        accept(
                reports,
                "Les notes sont libres et chaque entretien est différent : un modèle de courrier ne suffit pas.");
        score(reports, 24000, 10, 3, 30000, 4, RiskTier.LIMITED);
        portfolio.decide(
                reports,
                PortfolioService.Selection.SELECT,
                "Fort volume, gain de temps mesurable, " + "risque limité.",
                DIANE);
        ethics.record(
                reports,
                EnumSet.allOf(EthicsCriterion.class).stream()
                        .map(c -> new EthicsService.CriterionVerdict(
                                c, EthicsService.Verdict.FAVOURABLE, "Examiné en séance : rien à signaler."))
                        .toList(),
                EthicsService.Outcome.APPROVE_WITH_CONDITIONS,
                "Les notes d'entretien ne doivent contenir aucune donnée de santé.",
                ERIC);
    }

    private void accept(long id, String necessity) {
        ideas.triage(id, new TriageRequest(TriageRequest.Decision.ACCEPT, null, null), RACHEL);
        projects.recordNecessity(id, necessity, RACHEL);
    }

    private void score(
            long id, long volume, double minutes, int benefit, double build, int feasibility, RiskTier risk) {
        portfolio.score(
                id,
                new ScoringRequest(volume, minutes, benefit, build, "mistral-small", 1500L, 500L, feasibility, risk),
                DIANE);
    }

    private static IdeaRequest idea(
            String title,
            String problem,
            String team,
            String frequency,
            String timeSpent,
            String data,
            String directorate) {
        return new IdeaRequest(title, problem, team, frequency, timeSpent, data, directorate);
    }

    private static CurrentUser user(String name, Role role, String... groups) {
        return new CurrentUser(name, name, EnumSet.of(role), List.of(groups));
    }
}
