package org.tandem.governance.portfolio;

import java.time.OffsetDateTime;

/** A change of a directorate's weights, as kept: the new figures, who, when and why. The first one of each directorate is the weights in force when the history began. */
public record WeightsChange(
        long id,
        String directorateCode,
        double wValue,
        double wCost,
        double wFeasibility,
        double wEnvironment,
        double wRisk,
        String reason,
        String changedBy,
        OffsetDateTime changedAt) {

    public Weights weights() {
        return new Weights(wValue, wCost, wFeasibility, wEnvironment, wRisk);
    }
}
