package org.tandem.governance.portfolio;

/** A directorate's weights of the five criteria; only their proportions matter. */
public record Weights(double value, double cost, double feasibility, double environment, double risk) {

    public Weights {
        if (value < 0 || cost < 0 || feasibility < 0 || environment < 0 || risk < 0) {
            throw new IllegalArgumentException("weights cannot be negative");
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
