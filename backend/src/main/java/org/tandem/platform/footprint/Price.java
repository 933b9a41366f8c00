package org.tandem.platform.footprint;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a provider bills, EUR per million input and output tokens. Indicative unless set from the contract. */
public record Price(double eurPerMillionInput, double eurPerMillionOutput) {

    public static final Price NONE = new Price(0, 0);

    public Price {
        if (eurPerMillionInput < 0 || eurPerMillionOutput < 0) {
            throw new IllegalArgumentException("A price is not negative");
        }
    }

    public BigDecimal costEur(long inputTokens, long outputTokens) {
        return BigDecimal.valueOf(eurPerMillionInput)
                .multiply(BigDecimal.valueOf(inputTokens))
                .add(BigDecimal.valueOf(eurPerMillionOutput).multiply(BigDecimal.valueOf(outputTokens)))
                .divide(BigDecimal.valueOf(1_000_000), 8, RoundingMode.HALF_UP);
    }
}
