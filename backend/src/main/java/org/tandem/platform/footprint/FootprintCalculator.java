package org.tandem.platform.footprint;

import java.time.Duration;

/**
 * The EcoLogits 0.9.x method (FOOTPRINT.md), as pure functions. Only output tokens count. For a
 * model known as a range, the lower bound is computed from the lower parameter counts and the
 * upper bound from the upper ones: every term grows with the parameters, so the bounds hold.
 */
public final class FootprintCalculator {

    /** The batch size the method assumes. */
    static final int BATCH = 64;
    /** Memory of one GPU, GB. */
    static final double GPU_MEMORY_GB = 80;
    /** Hardware lifespan ΔL: 3 years, in seconds. */
    static final double LIFESPAN_S = 3 * 365 * 24 * 3600.0;
    /** Embodied emissions of a server without its GPUs and of one GPU, kgCO2e. */
    static final double SERVER_EMBODIED_KG = 5700;

    static final double GPU_EMBODIED_KG = 164;
    /** Power of the server outside the GPUs, kW, for an 8-GPU server. */
    static final double SERVER_POWER_KW = 1.2;

    static final int GPUS_PER_SERVER = 8;

    private FootprintCalculator() {}

    /** Energy, usage and embodied emissions of one request with the given output tokens. */
    public static Footprint estimate(ModelSpec model, Hosting hosting, long outputTokens, Duration measuredLatency) {
        if (outputTokens < 0) {
            throw new IllegalArgumentException("Output tokens cannot be negative: " + outputTokens);
        }
        Double latencyS = measuredLatency == null ? null : measuredLatency.toNanos() / 1e9;
        Point low = point(model.activeParamsB().min(), model.totalParamsB().min(), outputTokens, latencyS, hosting);
        Point high = point(model.activeParamsB().max(), model.totalParamsB().max(), outputTokens, latencyS, hosting);
        return new Footprint(
                new Range(low.energyWh, high.energyWh),
                new Range(low.usageKg, high.usageKg),
                new Range(low.embodiedKg, high.embodiedKg),
                Footprint.METHOD_VERSION,
                "EcoLogits 0.9 : jetons de sortie uniquement ; " + hosting.operator() + " (" + hosting.location()
                        + ", PUE " + hosting.pue() + ")"
                        + (model.activeParamsB().isExact() ? "" : " ; modèle fermé : fourchette"));
    }

    public static Footprint estimate(ModelSpec model, Hosting hosting, long outputTokens) {
        return estimate(model, hosting, outputTokens, null);
    }

    /** GPU energy per output token and per GPU, Wh: f_E. */
    static double gpuEnergyPerTokenWh(double activeB) {
        return 1.1665273e-6 * Math.exp(-0.0112059 * BATCH) * activeB + 4.0529281e-5;
    }

    /** Generation time per output token, s: f_L. */
    static double latencyPerTokenS(double activeB) {
        return 6.785088e-4 * activeB + 3.119310e-4 * BATCH + 1.947372e-2;
    }

    /** GPUs needed to hold the model in 16-bit with 20 % overhead, rounded up to a power of 2. */
    public static int gpuCount(double totalB) {
        double memoryGb = 1.2 * totalB * 2;
        int needed = Math.max(1, (int) Math.ceil(memoryGb / GPU_MEMORY_GB));
        return Integer.highestOneBit(needed) == needed ? needed : Integer.highestOneBit(needed) << 1;
    }

    private record Point(double energyWh, double usageKg, double embodiedKg) {}

    private static Point point(
            double activeB, double totalB, long outputTokens, Double measuredLatencyS, Hosting hosting) {
        double generationS = outputTokens * latencyPerTokenS(activeB);
        // a measured latency shorter than the model's estimate is the better figure of GPU time
        double deltaT = measuredLatencyS != null && measuredLatencyS < generationS ? measuredLatencyS : generationS;
        int gpus = gpuCount(totalB);
        double serverShare = (double) gpus / GPUS_PER_SERVER;
        double serverKwh = deltaT / 3600 * SERVER_POWER_KW * serverShare / BATCH;
        double gpuKwh = gpus * outputTokens * gpuEnergyPerTokenWh(activeB) / 1000;
        double energyKwh = hosting.pue() * (serverKwh + gpuKwh);
        double embodiedKg = deltaT / (BATCH * LIFESPAN_S) * (serverShare * SERVER_EMBODIED_KG + gpus * GPU_EMBODIED_KG);
        return new Point(energyKwh * 1000, energyKwh * hosting.mixKgCo2ePerKwh(), embodiedKg);
    }
}
