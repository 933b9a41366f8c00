package org.tandem.quality.review;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.content.ContentTasks;
import org.tandem.platform.database.Rows;
import org.tandem.platform.usecase.QualityCatalog;
import org.tandem.platform.usecase.QualitySettings;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * Draws disclosed content for the second review, once per case: a case whose AI draft an expert reviewed
 * and whose content was disclosed is drawn at its use case's rate (its own rate when the draft was
 * accepted unchanged, the riskiest path); a drawn case goes to an expert of the use case who did not work
 * on it, chosen at random, as a process {@code second-review} (business key {@code second-review-<case>},
 * so the task page shows no case: the reviewer rates blind). Runs every
 * {@code tandem.quality.second-review.sweep-every} (0: only when called, as in the tests); each draw is one
 * row, inserted once, so nodes sweeping together draw a case once. The timer's sweeps read the cases disclosed
 * recently only ({@link #LOOKBACK}), so that their cost follows the flow of cases, not the history; the first
 * after start and one each {@link #FULL_SWEEP_EVERY} read them all (a case whose disclosure committed late, or
 * while no node swept).
 */
@Service
public class SecondReviewDraws implements SmartLifecycle {

    public static final String PROCESS_KEY = "second-review";
    static final String BUSINESS_KEY_PREFIX = "second-review-";
    static final String REVIEWER = "secondReviewer";
    private static final Logger log = LoggerFactory.getLogger(SecondReviewDraws.class);
    /** The timer's sweeps look back at least this far, and three of their periods. */
    static final Duration LOOKBACK = Duration.ofMinutes(2);

    static final Duration FULL_SWEEP_EVERY = Duration.ofHours(1);
    /** How long the timer's sweeps keep a use case's experts (a full sweep reads them again). */
    static final Duration EXPERTS_KEPT = Duration.ofMinutes(5);

    /** The last review decision of a case: who took it (the first reviewer) and what it was. */
    private record LastReview(String decidedBy, String decision) {}

    /** What the draw knows of a case. */
    private record Candidate(
            long id,
            String useCaseKey,
            String requestedBy,
            String approvedBy,
            Boolean acceptedWithoutEdit,
            Boolean handDrafted) {}

    private final JdbcClient jdbc;
    private final UseCaseCatalog useCases;
    private final QualityCatalog quality;
    private final IdentityService identities;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final Duration every;
    private RandomGenerator random = new SecureRandom();
    private ScheduledExecutorService timer;
    private volatile boolean running;
    // the timer's thread only
    private Instant lastFullSweep;
    private Instant expertsReadAt;
    private final Map<String, List<String>> keptExperts = new HashMap<>();

    SecondReviewDraws(
            JdbcClient jdbc,
            UseCaseCatalog useCases,
            QualityCatalog quality,
            IdentityService identities,
            RuntimeService runtimeService,
            TransactionTemplate transaction,
            @Value("${tandem.quality.second-review.sweep-every:60s}") Duration every) {
        this.jdbc = jdbc;
        this.useCases = useCases;
        this.quality = quality;
        this.identities = identities;
        this.runtimeService = runtimeService;
        this.transaction = transaction;
        this.every = every;
    }

    /** For tests of the rate: a seeded generator. */
    void useRandom(RandomGenerator generator) {
        this.random = generator;
    }

    /** Draws every disclosed case not drawn yet; returns how many were drawn for a second review. */
    public int sweep() {
        return sweep(null);
    }

    /** The same, for one use case only (null: all). */
    public int sweep(String useCaseKey) {
        // each use case's experts read once per sweep, not once per case: that query reads all the use
        // case's review decisions (issue 18's soak: the second reviews' routes slowed as the decisions piled up)
        return sweep(useCaseKey, null, new HashMap<>());
    }

    /**
     * The timer's sweep at {@code now}: the cases disclosed in the last {@link #LOOKBACK} (or three periods), with the experts read
     * in the last {@link #EXPERTS_KEPT}; all the cases and fresh experts at the first sweep and each
     * {@link #FULL_SWEEP_EVERY}; for one use case (null: all, as the timer does). Called by one thread at a time.
     */
    int timerSweep(String useCaseKey, Instant now) {
        boolean full = lastFullSweep == null || !now.isBefore(lastFullSweep.plus(FULL_SWEEP_EVERY));
        if (full || expertsReadAt == null || !now.isBefore(expertsReadAt.plus(EXPERTS_KEPT))) {
            keptExperts.clear();
            expertsReadAt = now;
        }
        Duration lookback = every.multipliedBy(3).compareTo(LOOKBACK) > 0 ? every.multipliedBy(3) : LOOKBACK;
        int drawn = sweep(useCaseKey, full ? null : now.minus(lookback), keptExperts);
        if (full) {
            lastFullSweep = now;
        }
        return drawn;
    }

    private int sweep(String useCaseKey, Instant disclosedSince, Map<String, List<String>> experts) {
        int drawn = 0;
        List<Candidate> batch;
        do {
            batch = candidates(useCaseKey, disclosedSince, 200);
            for (Candidate c : batch) {
                Boolean one = transaction.execute(status -> drawOne(c, experts));
                if (Boolean.TRUE.equals(one)) {
                    drawn++;
                }
            }
        } while (batch.size() == 200);
        return drawn;
    }

    /** Disclosed cases not drawn yet (those disclosed since {@code disclosedSince}, when given). */
    private List<Candidate> candidates(String useCaseKey, Instant disclosedSince, int limit) {
        // two statements rather than "(:since is null or ...)": a prepared statement's generic plan would then
        // not use the index of recent final disclosures (V104)
        String since = disclosedSince == null ? "" : "and f.disclosed_at >= :since";
        var statement = jdbc.sql("""
                        select c.id, c.use_case_key, c.requested_by, c.approved_by, m.accepted_without_edit, m.hand_drafted
                        from disclosure f join content_case c on c.id = f.case_id join case_metrics m on m.case_id = c.id
                        where f.kind = 'FINAL' %s
                          and exists (select 1 from draft d where d.case_id = c.id and d.producer <> 'HUMAN')
                          and exists (select 1 from review_decision r where r.case_id = c.id and r.task_key = :review)
                          and not exists (select 1 from second_review_draw s where s.case_id = c.id)
                          and (cast(:useCase as varchar) is null or c.use_case_key = :useCase)
                        order by c.id limit :limit""".formatted(since))
                .param("review", ContentTasks.REVIEW)
                .param("useCase", useCaseKey)
                .param("limit", limit);
        if (disclosedSince != null) {
            statement = statement.param("since", disclosedSince.atOffset(ZoneOffset.UTC));
        }
        return statement.query(Rows.of(Candidate.class)).list();
    }

    /** One case, in its own transaction: the draw row, then the process when drawn with a reviewer. */
    private boolean drawOne(Candidate c, Map<String, List<String>> expertsByUseCase) {
        UseCase useCase = useCases.find(c.useCaseKey()).orElse(null);
        QualitySettings settings = quality.settings(c.useCaseKey());
        boolean unchanged = Boolean.TRUE.equals(c.acceptedWithoutEdit());
        double rate = unchanged ? settings.acceptedUnchangedRate() : settings.secondReviewRate();
        // the last review decision: who took it (the first reviewer) and what it was
        LastReview last = jdbc.sql("""
                        select decided_by, decision from review_decision where case_id = ? and task_key = ?
                        order by decided_at desc, id desc limit 1""")
                .params(c.id(), ContentTasks.REVIEW)
                .query(Rows.of(LastReview.class))
                .single();
        String firstReviewer = last.decidedBy();
        String lastReview = last.decision();
        String firstVerdict = unchanged
                ? "ACCEPT"
                : Boolean.TRUE.equals(c.handDrafted()) || "REJECT".equals(lastReview) ? "REJECT" : "EDIT";
        Set<String> participants = participants(c);
        List<String> experts =
                useCase == null ? List.of() : expertsByUseCase.computeIfAbsent(useCase.key(), k -> experts(useCase));
        ReviewerDraw.Draw draw = ReviewerDraw.draw(random, rate, experts, participants);
        int inserted = jdbc.sql("""
                        insert into second_review_draw (case_id, use_case_key, stratum, rate, drawn, first_reviewer,
                            first_verdict, reviewer, no_reviewer_reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
                .params(
                        c.id(),
                        c.useCaseKey(),
                        unchanged ? "ACCEPTED_UNCHANGED" : "CORRECTED",
                        rate,
                        draw.drawn(),
                        firstReviewer,
                        firstVerdict,
                        draw.reviewer(),
                        draw.withoutReviewer()
                                ? "Aucun autre expert du cas d'usage n'est indépendant de ce dossier."
                                : null)
                .update();
        if (inserted == 0 || draw.reviewer() == null) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", c.id());
        variables.put(REVIEWER, draw.reviewer());
        variables.put("expertGroup", useCase.expertGroup());
        String processInstanceId = runtimeService
                .startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY_PREFIX + c.id(), variables)
                .getId();
        jdbc.sql("update second_review_draw set process_instance_id = ? where case_id = ?")
                .params(processInstanceId, c.id())
                .update();
        log.info(
                "Case {} drawn for a second review ({} stratum, rate {})",
                c.id(),
                unchanged ? "accepted" : "corrected",
                rate);
        return true;
    }

    /** Everyone who worked on the case: requester, reviewers, editors, hand-drafters, approver. */
    Set<String> participants(long caseId) {
        Candidate c =
                jdbc.sql("""
                        select c.id, c.use_case_key, c.requested_by, c.approved_by, m.accepted_without_edit, m.hand_drafted
                        from content_case c left join case_metrics m on m.case_id = c.id where c.id = ?""").param(caseId).query(Rows.of(Candidate.class)).single();
        return participants(c);
    }

    private Set<String> participants(Candidate c) {
        Set<String> people = new TreeSet<>(
                jdbc.sql("""
                        select decided_by from review_decision where case_id = :id
                        union select author from content_version where case_id = :id
                        union select model from draft where case_id = :id and producer = 'HUMAN'
                        union select decided_by from reading_decision where case_id = :id""").param("id", c.id()).query(String.class).list());
        people.add(c.requestedBy());
        if (c.approvedBy() != null) {
            people.add(c.approvedBy());
        }
        return people;
    }

    /**
     * The use case's experts: the members of its expert group in the identity service, and whoever decided
     * on its cases before (people who log in through OIDC are members only in their token).
     */
    private List<String> experts(UseCase useCase) {
        Set<String> experts = new LinkedHashSet<>();
        identities.createUserQuery().memberOfGroup(useCase.expertGroup()).orderByUserId().asc().list().stream()
                .map(User::getId)
                .forEach(experts::add);
        experts.addAll(jdbc.sql("""
                        select distinct r.decided_by from review_decision r join content_case c on c.id = r.case_id
                        where c.use_case_key = ? and r.task_key = ? order by 1""")
                .params(useCase.key(), ContentTasks.REVIEW)
                .query(String.class)
                .list());
        return List.copyOf(new TreeSet<>(experts));
    }

    @Override
    public void start() {
        if (every.isZero() || every.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "second-review-draws"));
        running = true;
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        timerSweep(null, Instant.now());
                    } catch (RuntimeException e) {
                        log.warn("The second review's draw failed; next sweep retries", e);
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
