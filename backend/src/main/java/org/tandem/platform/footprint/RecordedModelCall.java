package org.tandem.platform.footprint;

import java.math.BigDecimal;

/** A stored model call with what was derived from it; cost and footprint are null when the model is unknown. */
public record RecordedModelCall(long id, ModelCall call, BigDecimal costEur, Footprint footprint) {}
