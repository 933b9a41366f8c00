package org.tandem.content.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.content.CaseRepository;
import org.tandem.content.DraftSource;
import org.tandem.platform.guardrails.GuardrailReport;
import org.tandem.platform.guardrails.RetryDecision;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.web.ApiException;
import org.tandem.support.SeededCases;
import org.tandem.support.TandemIntegrationTest;

/**
 * CaseViews on cases written straight into the tables: the access rule for each kind of person,
 * a use case the catalogue does not know, a draft's sources and flags, and the comfort-survey flag.
 */
@TandemIntegrationTest
class CaseViewsIT {

    /** Not in the catalogue: no expert or approver group may read its cases. */
    static final String UNKNOWN_USE_CASE = "casefile-test-" + System.nanoTime();

    static final CurrentUser ALICE = new CurrentUser("alice", "Alice", Set.of(Role.ADVISER), List.of("advisers"));
    static final CurrentUser PAUL = new CurrentUser("paul", "Paul", Set.of(Role.ADVISER), List.of("advisers"));
    static final CurrentUser BOB =
            new CurrentUser("bob", "Bob", Set.of(Role.EXPERT), List.of("experts", "member-relations-experts"));
    static final CurrentUser INES =
            new CurrentUser("ines", "Inès", Set.of(Role.EXPERT), List.of("experts", "claims-experts"));
    static final CurrentUser ADMIN = new CurrentUser("admin", "Ada", Set.of(Role.ADMIN), List.of("camunda-admin"));

    @Autowired
    CaseViews views;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseRepository caseRows;

    @Autowired
    ObjectMapper json;

    final List<Long> cases = new ArrayList<>();
    final List<Long> projects = new ArrayList<>();

    @AfterEach
    void removeSeededRows() {
        for (long project : projects) {
            jdbc.sql("delete from experiment_entity where project_id = ?")
                    .param(project)
                    .update();
            jdbc.sql("delete from genai_project where id = ?").param(project).update();
        }
        cases.forEach(id -> SeededCases.remove(jdbc, id));
    }

    private long seed(String useCaseKey, String memberId, String requestedBy) {
        long id = SeededCases.insertCase(
                jdbc, useCaseKey, memberId, requestedBy, "Dossier de test", OffsetDateTime.now());
        cases.add(id);
        return id;
    }

    private static void assertRefused(Runnable read) {
        assertThatThrownBy(read::run)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN))
                .hasMessage("Ce dossier ne fait pas partie de vos demandes ni de vos groupes.");
    }

    @Test
    void theAnswerToAFilingIsTheFullViewOfACaseNothingHasHappenedToYet() {
        long id = seed("reply-letter", "M-1001", "alice");

        // what the filing's answer leaves out (draft, decisions, text, disclosure, delivery, metrics, escalation)
        // cannot exist yet: the rest (member, use case, footprint, survey flag, due date) is read as for any view
        assertThat(views.opened(caseRows.findById(id).orElseThrow())).isEqualTo(views.viewTrusted(id));
    }

    @Test
    void theRequesterAndTheUseCasesGroupsReadALetterOtherAdvisersAndExpertsDoNot() {
        long id = seed("reply-letter", "M-1001", "alice");
        assertThat(views.view(id, ALICE).id()).isEqualTo(id);
        assertThat(views.view(id, BOB).id()).isEqualTo(id);
        assertThat(views.view(id, ADMIN).id()).isEqualTo(id);
        assertRefused(() -> views.view(id, PAUL));
        assertRefused(() -> views.view(id, INES));
    }

    @Test
    void theApproverGroupAloneIsEnough() {
        // the AMI assistant: experts answer, advisers (its approver group) read the answers
        long id = seed("knowledge-answer", null, "alice");
        assertThat(views.view(id, PAUL).id()).isEqualTo(id);
        assertThat(views.view(id, INES).id()).as("in the experts group").isEqualTo(id);
        assertRefused(() ->
                views.view(id, new CurrentUser("eric", "Éric", Set.of(Role.ETHICS), List.of("ethics-committee"))));
    }

    @Test
    void aCaseOfAUseCaseNoLongerInTheCatalogueIsForItsRequesterAndAdministratorsOnly() {
        long id = seed(UNKNOWN_USE_CASE, "M-1003", "alice");
        assertRefused(() -> views.view(id, BOB));
        CaseView view = views.view(id, ALICE);
        assertThat(views.view(id, ADMIN).id()).isEqualTo(id);
        assertThat(view.useCaseName()).as("its key for a name").isEqualTo(UNKNOWN_USE_CASE);
        assertThat(view.maxRegenerations()).isZero();
        assertThat(view.fourEyes()).isFalse();
        assertThat(view.memberName()).isEqualTo("Sophie Lefèvre");
    }

    @Test
    void aCaseWithoutDraftShowsNothingToReadYet() {
        long id = seed("reply-letter", null, "alice");
        CaseView view = views.view(id, ALICE);
        assertThat(view.memberId()).isNull();
        assertThat(view.memberName()).isNull();
        assertThat(view.draft()).isNull();
        assertThat(view.currentText()).isNull();
        assertThat(view.disclosurePreview()).isNull();
        assertThat(view.versions()).isEmpty();
        assertThat(view.decisions()).isEmpty();
        assertThat(view.metrics()).isNull();
        assertThat(view.footprint().calls()).isZero();
        assertThat(view.askComfortSurvey()).isFalse();
        assertThat(views.requestedBy(ALICE))
                .filteredOn(s -> s.id() == id)
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.memberName()).isNull();
                    assertThat(s.useCaseName()).isEqualTo("Courrier de réponse à un sociétaire");
                });
    }

    @Test
    void anAdvisersCasesNameTheirMembersReadInOneQuery() {
        String adviser = "list-" + System.nanoTime();
        List<Long> mine = List.of(
                seed("reply-letter", "M-1001", adviser),
                seed("reply-letter", "M-1002", adviser),
                seed("reply-letter", "M-1003", adviser),
                seed("reply-letter", "M-1002", adviser),
                seed("reply-letter", null, adviser));
        Logger jdbcLog = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
        Level level = jdbcLog.getLevel();
        ListAppender<ILoggingEvent> statements = new ListAppender<>();
        statements.start();
        jdbcLog.addAppender(statements);
        jdbcLog.setAdditive(false);
        jdbcLog.setLevel(Level.DEBUG);
        List<CaseView.Summary> list;
        try {
            list = views.requestedBy(new CurrentUser(adviser, "A", Set.of(Role.ADVISER), List.of("advisers")));
        } finally {
            jdbcLog.detachAppender(statements);
            jdbcLog.setAdditive(true);
            jdbcLog.setLevel(level);
        }
        List<Long> newestFirst = new ArrayList<>(mine);
        java.util.Collections.reverse(newestFirst);
        assertThat(list).extracting(CaseView.Summary::id).containsExactlyElementsOf(newestFirst);
        assertThat(list)
                .extracting(CaseView.Summary::memberName)
                .as("newest first; no member: no name")
                .containsExactly(null, nameOf("M-1002"), nameOf("M-1003"), nameOf("M-1002"), nameOf("M-1001"));
        assertThat(statements.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(m -> m.contains("from member"))
                .as("the members of the list in one query, not one per case")
                .hasSize(1);
    }

    private String nameOf(String memberId) {
        return jdbc.sql("select first_name || ' ' || last_name from member where id = ?")
                .param(memberId)
                .query(String.class)
                .single();
    }

    @Test
    void aDraftShowsItsModelItsSourcesAndWhatTheGuardrailsFound() throws Exception {
        long id = seed("reply-letter", "M-1001", "alice");
        long draftId = SeededCases.insertDraft(
                jdbc, id, "MODEL", "mistral-small-latest", "Madame, selon [S1] et [S2]…", OffsetDateTime.now());
        List<DraftSource> sources = List.of(
                source("S1", "SIN-DDE-01", true), source("S2", "PROD-HAB-02", false), source("S3", "SIN-DDE-01", true));
        GuardrailReport report = new GuardrailReport(
                List.of(new GuardrailReport.Finding("INJECTION", false, "Le message contient une consigne.")),
                List.of(
                        new GuardrailReport.Finding("PLACEHOLDER", true, "Un passage reste à compléter."),
                        new GuardrailReport.Finding("TOO_SHORT", false, "Le texte est court.")),
                RetryDecision.Action.SEND_TO_REVIEWER_WITH_FAILURES,
                1);
        jdbc.sql("update draft set sources = cast(? as jsonb), guardrails = cast(? as jsonb) where id = ?")
                .params(json.writeValueAsString(sources), json.writeValueAsString(report), draftId)
                .update();

        CaseView.DraftView draft = views.view(id, ALICE).draft();
        assertThat(draft.producer()).isEqualTo("MODEL");
        assertThat(draft.producerLabel()).isEqualTo("Brouillon produit par l'IA générative (mistral-small-latest)");
        assertThat(draft.sources()).extracting(CaseView.SourceView::id).containsExactly("S1", "S2", "S3");
        CaseView.SourceView first = draft.sources().get(0);
        assertThat(first.reference()).isEqualTo("SIN-DDE-01");
        assertThat(first.excerpt()).isEqualTo("Extrait de SIN-DDE-01");
        assertThat(first.citation()).isEqualTo("SIN-DDE-01 v2 — Titre › Rubrique");
        assertThat(first.stale()).isTrue();
        assertThat(first.lastReviewed()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(draft.sources().get(1).stale()).isFalse();
        assertThat(draft.flags())
                .extracting(CaseView.FlagView::code, CaseView.FlagView::severity)
                .as("output findings, then the request's, then one flag per stale document")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PLACEHOLDER", "blocking"),
                        org.assertj.core.groups.Tuple.tuple("TOO_SHORT", "warning"),
                        org.assertj.core.groups.Tuple.tuple("INJECTION", "info"),
                        org.assertj.core.groups.Tuple.tuple("STALE_SOURCE", "warning"));
        assertThat(draft.flags().get(3).message())
                .isEqualTo("Le document « SIN-DDE-01 » cité par ce brouillon a dépassé sa date de relecture : "
                        + "vérifiez que ce qu'il dit est toujours vrai.");
    }

    @Test
    void aHandWrittenDraftSaysSoAndHasNoFlags() {
        long id = seed("reply-letter", "M-1001", "alice");
        SeededCases.insertDraft(jdbc, id, "HUMAN", "alice", "Madame, Monsieur, …", OffsetDateTime.now());
        CaseView view = views.view(id, ALICE);
        assertThat(view.draft().producerLabel()).isEqualTo("Rédigé par un collaborateur");
        assertThat(view.draft().sources()).isEmpty();
        assertThat(view.draft().flags()).isEmpty();
        assertThat(view.disclosurePreview().category())
                .as("nothing of the text comes from an AI")
                .isEqualTo("HUMAN");
    }

    @Test
    void theComfortSurveyIsAskedOnCasesOfAnEntityInARunningExperiment() {
        String useCase = UNKNOWN_USE_CASE + "-survey";
        long project = jdbc.sql("""
                        insert into genai_project (title, problem, team, frequency, time_spent, data_involved,
                                                   directorate_code, submitted_by, stage, use_case_key, survey_one_in)
                        values ('Essai du questionnaire', 'p', 't', 'f', 't', 'd', 'sinistres', 'rachel', 'EXPERIMENT',
                                ?, 1) returning id""").param(useCase).query(Long.class).single();
        projects.add(project);
        jdbc.sql("insert into experiment_entity (project_id, entity_code, role) values (?, 'agence-niort', 'PILOT')")
                .param(project)
                .update();
        long inPilot = seed(useCase, "M-1001", "alice");
        long elsewhere = seed(useCase, "M-1001", "alice");
        long noEntity = seed(useCase, "M-1001", "alice");
        jdbc.sql("update content_case set entity_code = 'agence-niort' where id = ?")
                .param(inPilot)
                .update();
        jdbc.sql("update content_case set entity_code = 'agence-lille' where id = ?")
                .param(elsewhere)
                .update();

        assertThat(views.view(inPilot, ALICE).askComfortSurvey()).isTrue();
        assertThat(views.view(elsewhere, ALICE).askComfortSurvey()).isFalse();
        assertThat(views.view(noEntity, ALICE).askComfortSurvey()).isFalse();

        jdbc.sql("update genai_project set stage = 'ROLLOUT' where id = ?")
                .param(project)
                .update();
        assertThat(views.view(inPilot, ALICE).askComfortSurvey())
                .as("the experiment is over")
                .isFalse();
    }

    @Test
    void anUnknownCaseIsNotFoundEvenForATrustedCaller() {
        assertThatThrownBy(() -> views.viewTrusted(-42))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND))
                .hasMessage("Le dossier n° -42 n'existe pas.");
    }

    private static DraftSource source(String id, String reference, boolean stale) {
        return new DraftSource(
                id,
                1L,
                reference,
                "Titre",
                "sinistres",
                2,
                "Rubrique",
                "Extrait de " + reference,
                stale,
                LocalDate.of(2020, 1, 1),
                reference + " v2 — Titre › Rubrique");
    }
}
