package org.tandem.governance.portfolio;

/** A directorate and the weights of its absolute score. */
public record Directorate(
        String code, String name, double wValue, double wCost, double wFeasibility, double wEnvironment, double wRisk) {

    public Weights weights() {
        return new Weights(wValue, wCost, wFeasibility, wEnvironment, wRisk);
    }
}
