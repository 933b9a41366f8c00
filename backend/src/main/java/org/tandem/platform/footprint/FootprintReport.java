package org.tandem.platform.footprint;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The footprint of model calls per use case, entity and month, and their total, for the filters asked
 * (null: all). Months are calendar months in Paris time.
 */
public record FootprintReport(
        String useCase,
        String entity,
        String month,
        List<String> methodVersions,
        FootprintTotals total,
        List<Row> rows) {

    /** @param entity the requester's entity when the case opened; null for calls outside entities */
    public record Row(
            String useCase,
            String entity,
            String month,
            @JsonUnwrapped FootprintTotals totals) {}
}
