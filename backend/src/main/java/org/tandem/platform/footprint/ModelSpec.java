package org.tandem.platform.footprint;

/**
 * What the footprint method needs to know about a model: its active and total parameters, in
 * billions. Dense models have active = total; closed models are ranges; mixture-of-experts with
 * unknown activation are taken as 10–30 % active (FOOTPRINT.md).
 */
public record ModelSpec(String name, String provider, Range activeParamsB, Range totalParamsB) {

    public ModelSpec {
        if (activeParamsB.min() <= 0 || totalParamsB.min() <= 0) {
            throw new IllegalArgumentException("Parameters of " + name + " must be positive");
        }
        if (activeParamsB.max() > totalParamsB.max()) {
            throw new IllegalArgumentException("Active parameters of " + name + " exceed its total");
        }
    }

    public static ModelSpec dense(String name, String provider, Range params) {
        return new ModelSpec(name, provider, params, params);
    }

    /** A mixture of experts whose activation is not published: 10–30 % of its parameters work per token. */
    public static ModelSpec moeUnknownActivation(String name, String provider, Range totalParamsB) {
        return new ModelSpec(
                name, provider, new Range(totalParamsB.min() * 0.10, totalParamsB.max() * 0.30), totalParamsB);
    }
}
