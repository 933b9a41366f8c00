package org.tandem.platform.footprint;

/**
 * Where a model runs, as far as the footprint is concerned: the data centres' PUE and the
 * electricity mix of their location.
 */
public record Hosting(String key, String operator, String location, double pue, double mixKgCo2ePerKwh) {

    public static final String MISTRAL = "mistral";
    public static final String OPENAI = "openai";
    public static final String ON_PREMISES = "on-premises";

    public Hosting {
        if (pue < 1) {
            throw new IllegalArgumentException("A PUE is at least 1, got " + pue);
        }
        if (mixKgCo2ePerKwh < 0) {
            throw new IllegalArgumentException("An electricity mix is not negative, got " + mixKgCo2ePerKwh);
        }
    }

    /** Mistral AI's inference runs in Sweden (the method's provider data). */
    public static Hosting mistral() {
        return new Hosting(MISTRAL, "Mistral AI", "Suède", 1.16, ElectricityMix.SWEDEN.kgCo2ePerKwh());
    }

    public static Hosting openAi() {
        return new Hosting(OPENAI, "OpenAI", "États-Unis", 1.20, ElectricityMix.USA.kgCo2ePerKwh());
    }

    /** Our own servers (Ollama, vLLM…): France and a PUE of 1.5 unless configured otherwise. */
    public static Hosting onPremises(ElectricityMix location, double pue) {
        return new Hosting(ON_PREMISES, "sur site", location.name(), pue, location.kgCo2ePerKwh());
    }

    public static Hosting onPremises() {
        return onPremises(ElectricityMix.FRANCE, 1.5);
    }
}
