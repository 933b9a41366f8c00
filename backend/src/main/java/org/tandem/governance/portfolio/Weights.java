package org.tandem.governance.portfolio;

/** A directorate's weights of the five criteria; only their proportions matter. */
public record Weights(double value, double cost, double feasibility, double environment, double risk) {

    /** A weight above this is a typing slip, not a priority. */
    public static final double MAX = 1000;

    public Weights {
        for (double w : new double[] {value, cost, feasibility, environment, risk}) {
            if (!(w >= 0 && w <= MAX)) {
                throw new IllegalArgumentException("each weight is between 0 and " + MAX);
            }
        }
        if (value + cost + feasibility + environment + risk <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
    }

    public double sum() {
        return value + cost + feasibility + environment + risk;
    }

    @Override
    public String toString() {
        return "valeur " + fmt(value) + " · coût " + fmt(cost) + " · faisabilité " + fmt(feasibility)
                + " · environnement " + fmt(environment) + " · risque " + fmt(risk);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
