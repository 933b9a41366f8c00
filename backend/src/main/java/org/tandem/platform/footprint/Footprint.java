package org.tandem.platform.footprint;

/**
 * Energy and greenhouse-gas emissions of one model call (or of a forecast volume). Usage and
 * embodied emissions are kept apart: on a low-carbon grid the embodied part dominates, and adding
 * them up would hide it. Every figure carries the method version it was computed with.
 */
public record Footprint(Range energyWh, Range usageKgCo2e, Range embodiedKgCo2e, String methodVersion, String note) {

    public static final String METHOD_VERSION = "ecologits-0.9";
    public static final String NO_MODEL = "none";

    /** The offline drafter calls no model: nothing to estimate, and the record says why. */
    public static Footprint offline() {
        return new Footprint(
                Range.ZERO,
                Range.ZERO,
                Range.ZERO,
                NO_MODEL,
                "Brouillon hors-ligne : aucun modèle d'IA n'a été appelé, l'empreinte est nulle.");
    }

    public Range totalKgCo2e() {
        return usageKgCo2e.plus(embodiedKgCo2e);
    }
}
