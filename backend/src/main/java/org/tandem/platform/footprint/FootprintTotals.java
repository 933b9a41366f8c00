package org.tandem.platform.footprint;

import java.math.BigDecimal;

/**
 * Sums over model calls. Emissions in kgCO2e, usage and embodied apart, each as min/max (closed
 * models are ranges). Calls without an estimate (model not in the catalogue) are counted, not
 * silently summed as zero.
 */
public record FootprintTotals(
        long calls,
        long failedCalls,
        long offlineCalls,
        long callsWithoutEstimate,
        long inputTokens,
        long outputTokens,
        BigDecimal costEur,
        double energyWhMin,
        double energyWhMax,
        double usageKgCo2eMin,
        double usageKgCo2eMax,
        double embodiedKgCo2eMin,
        double embodiedKgCo2eMax) {

    public static final FootprintTotals NONE = new FootprintTotals(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0);

    public FootprintTotals plus(FootprintTotals o) {
        return new FootprintTotals(
                calls + o.calls,
                failedCalls + o.failedCalls,
                offlineCalls + o.offlineCalls,
                callsWithoutEstimate + o.callsWithoutEstimate,
                inputTokens + o.inputTokens,
                outputTokens + o.outputTokens,
                costEur.add(o.costEur),
                energyWhMin + o.energyWhMin,
                energyWhMax + o.energyWhMax,
                usageKgCo2eMin + o.usageKgCo2eMin,
                usageKgCo2eMax + o.usageKgCo2eMax,
                embodiedKgCo2eMin + o.embodiedKgCo2eMin,
                embodiedKgCo2eMax + o.embodiedKgCo2eMax);
    }
}
