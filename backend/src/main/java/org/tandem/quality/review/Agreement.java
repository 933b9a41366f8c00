package org.tandem.quality.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tandem.platform.database.Rows;

/**
 * How much two experts agree on the same AI draft, from the second reviews: Cohen's κ between the first
 * verdict (accepted unchanged, corrected, rejected) and the second reviewer's blind one, per use case and
 * per pair of reviewers, with its confidence interval ({@link CohensKappa}). A κ under
 * {@code tandem.quality.low-kappa} (0.4 by default, « moderate » on Landis &amp; Koch's scale) over at least
 * {@code tandem.quality.low-kappa-min-pairs} second reviews is a finding for the experiment's feedback: the
 * experts do not judge drafts the same way, so neither the drafts' acceptance nor a pre-prompt's
 * evaluation means much until they do.
 */
@Service
public class Agreement {

    /** The verdicts, in the order of the agreement table's rows and columns. */
    public static final List<String> CATEGORIES = List.of("ACCEPT", "EDIT", "REJECT");

    private record Pair(
            String useCaseKey, String firstReviewer, String firstVerdict, String reviewer, String verdict) {}

    /**
     * κ over a set of doubly reviewed drafts.
     *
     * @param table rows: the first (or, for a pair, the alphabetically first) reviewer's verdict; columns: the other's
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Kappa")
    public record Kappa(
            int n,
            Double kappa,
            Double standardError,
            Double low,
            Double high,
            double observedAgreement,
            long[][] table) {

        static Kappa of(long[][] table) {
            CohensKappa.Result r = CohensKappa.of(table);
            return new Kappa(r.n(), r.kappa(), r.standardError(), r.low(), r.high(), r.observedAgreement(), table);
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "PairKappa")
    public record PairKappa(String reviewerA, String reviewerB, Kappa kappa) {}

    /** A use case's agreement; {@code pairs} are every pair of reviewers who rated the same drafts. */
    public record UseCaseAgreement(String useCaseKey, Kappa kappa, boolean lowFinding, List<PairKappa> pairs) {}

    private final JdbcClient jdbc;
    private final double lowKappa;
    private final int minPairs;

    Agreement(
            JdbcClient jdbc,
            @Value("${tandem.quality.low-kappa:0.4}") double lowKappa,
            @Value("${tandem.quality.low-kappa-min-pairs:10}") int minPairs) {
        this.jdbc = jdbc;
        this.lowKappa = lowKappa;
        this.minPairs = minPairs;
    }

    double lowKappa() {
        return lowKappa;
    }

    int minPairs() {
        return minPairs;
    }

    /** Every use case with second reviews, with its κ and its pairs' (names as they are: callers filter). */
    public List<UseCaseAgreement> all() {
        Map<String, List<Pair>> byUseCase = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.use_case_key, s.first_reviewer, s.first_verdict, r.reviewer, r.verdict
                        from second_review_draw s join second_review r on r.case_id = s.case_id
                        where s.first_verdict is not null order by s.use_case_key, s.case_id""")
                .query(Rows.of(Pair.class))
                .list()
                .forEach(p -> byUseCase
                        .computeIfAbsent(p.useCaseKey(), k -> new ArrayList<>())
                        .add(p));
        List<UseCaseAgreement> out = new ArrayList<>();
        byUseCase.forEach((useCase, rows) -> out.add(of(useCase, rows)));
        return out;
    }

    private UseCaseAgreement of(String useCase, List<Pair> rows) {
        Kappa overall = Kappa.of(CohensKappa.table(
                CATEGORIES,
                rows.stream().map(Pair::firstVerdict).toList(),
                rows.stream().map(Pair::verdict).toList()));
        Map<List<String>, List<String[]>> byPair = new LinkedHashMap<>();
        for (Pair p : rows) {
            boolean inOrder = p.firstReviewer().compareTo(p.reviewer()) <= 0;
            List<String> key =
                    inOrder ? List.of(p.firstReviewer(), p.reviewer()) : List.of(p.reviewer(), p.firstReviewer());
            byPair.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(
                            inOrder
                                    ? new String[] {p.firstVerdict(), p.verdict()}
                                    : new String[] {p.verdict(), p.firstVerdict()});
        }
        List<PairKappa> pairs = new ArrayList<>();
        byPair.forEach((key, verdicts) -> pairs.add(new PairKappa(
                key.get(0),
                key.get(1),
                Kappa.of(CohensKappa.table(
                        CATEGORIES,
                        verdicts.stream().map(v -> v[0]).toList(),
                        verdicts.stream().map(v -> v[1]).toList())))));
        boolean low = overall.kappa() != null && overall.n() >= minPairs && overall.kappa() < lowKappa;
        return new UseCaseAgreement(useCase, overall, low, pairs);
    }

    /** Whether a pair may be named to a manager: both reviewers share their figures, and enough drafts. */
    static boolean pairShown(PairKappa pair, Set<String> sharing, int minCases) {
        return sharing.contains(pair.reviewerA())
                && sharing.contains(pair.reviewerB())
                && pair.kappa().n() >= minCases;
    }
}
