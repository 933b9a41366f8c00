package org.tandem.platform.footprint;

/** Carbon intensity of the electricity where a model runs, kgCO2e/kWh (FOOTPRINT.md, from the method's data). */
public enum ElectricityMix {
    FRANCE(0.04418),
    SWEDEN(0.03582),
    GERMANY(0.34414),
    USA(0.38355),
    WORLD(0.47301);

    private final double kgCo2ePerKwh;

    ElectricityMix(double kgCo2ePerKwh) {
        this.kgCo2ePerKwh = kgCo2ePerKwh;
    }

    public double kgCo2ePerKwh() {
        return kgCo2ePerKwh;
    }
}
