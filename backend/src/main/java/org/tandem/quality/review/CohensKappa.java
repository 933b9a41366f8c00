package org.tandem.quality.review;

import java.util.List;

/**
 * Cohen's κ between two raters on nominal categories (unweighted), with its 95 % confidence interval from
 * the large-sample standard error of Fleiss, Cohen &amp; Everitt (1969, Psychological Bulletin 72(5),
 * 323–327), the non-null form (the error of κ as estimated, not under κ = 0):
 *
 * <pre>
 * var(κ) = [ Σᵢ pᵢᵢ (1 − (pᵢ. + p.ᵢ)(1 − κ))² + (1 − κ)² Σᵢ≠ⱼ pᵢⱼ (p.ᵢ + pⱼ.)² − (κ − pₑ(1 − κ))² ] / ( n (1 − pₑ)² )
 * </pre>
 *
 * and κ ± 1.96 √var, clipped to [−1, 1]. The interval is only as good as the normal approximation: with
 * fewer than about 30 pairs it is indicative. κ is undefined when both raters used one and the same
 * category for everything (pₑ = 1).
 */
public final class CohensKappa {

    static final double Z_95 = 1.959963984540054;

    /** κ, its standard error and interval; {@code kappa} null when undefined (then so are the rest). */
    public record Result(
            int n,
            double observedAgreement,
            double expectedAgreement,
            Double kappa,
            Double standardError,
            Double low,
            Double high) {}

    private CohensKappa() {}

    /**
     * @param table counts: {@code table[i][j]} = items rater A put in category i and rater B in category j
     */
    public static Result of(long[][] table) {
        int k = table.length;
        long total = 0;
        for (long[] row : table) {
            if (row.length != k) {
                throw new IllegalArgumentException("The agreement table must be square");
            }
            for (long count : row) {
                if (count < 0) {
                    throw new IllegalArgumentException("Counts cannot be negative");
                }
                total += count;
            }
        }
        if (total == 0) {
            return new Result(0, 0, 0, null, null, null, null);
        }
        double n = total;
        double[] rows = new double[k];
        double[] cols = new double[k];
        double po = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double p = table[i][j] / n;
                rows[i] += p;
                cols[j] += p;
                if (i == j) {
                    po += p;
                }
            }
        }
        double pe = 0;
        for (int i = 0; i < k; i++) {
            pe += rows[i] * cols[i];
        }
        if (1 - pe < 1e-12) {
            return new Result((int) total, po, pe, null, null, null, null);
        }
        double kappa = (po - pe) / (1 - pe);
        double diagonal = 0;
        double offDiagonal = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double p = table[i][j] / n;
                if (i == j) {
                    double t = 1 - (rows[i] + cols[i]) * (1 - kappa);
                    diagonal += p * t * t;
                } else {
                    double t = cols[i] + rows[j];
                    offDiagonal += p * t * t;
                }
            }
        }
        double last = kappa - pe * (1 - kappa);
        double variance =
                (diagonal + (1 - kappa) * (1 - kappa) * offDiagonal - last * last) / (n * (1 - pe) * (1 - pe));
        double se = Math.sqrt(Math.max(0, variance));
        return new Result(
                (int) total, po, pe, kappa, se, Math.max(-1, kappa - Z_95 * se), Math.min(1, kappa + Z_95 * se));
    }

    /** The table of two raters' labels, item by item, over {@code categories}. */
    public static long[][] table(List<String> categories, List<String> raterA, List<String> raterB) {
        if (raterA.size() != raterB.size()) {
            throw new IllegalArgumentException("The two raters must rate the same items");
        }
        long[][] table = new long[categories.size()][categories.size()];
        for (int i = 0; i < raterA.size(); i++) {
            int a = categories.indexOf(raterA.get(i));
            int b = categories.indexOf(raterB.get(i));
            if (a < 0 || b < 0) {
                throw new IllegalArgumentException("Unknown category " + (a < 0 ? raterA.get(i) : raterB.get(i)));
            }
            table[a][b]++;
        }
        return table;
    }
}
