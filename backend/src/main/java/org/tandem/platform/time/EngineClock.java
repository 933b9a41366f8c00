package org.tandem.platform.time;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time Tandem stamps on a case's rows (request, drafts, versions, review decisions, approval,
 * audit) and on a project's (decisions, experiment start, surveys): the engine's own clock, so they
 * agree with the engine's history. It is the wall clock unless something sets Camunda's
 * {@link ClockUtil}; only the demo's simulated history does, while it replays past weeks (see
 * org.tandem.demo.DemoHistory). In a cluster it is each node's clock, as for the engine's own
 * history: keep the nodes' clocks synchronised (NTP).
 */
public final class EngineClock {

    private EngineClock() {}

    /** Now, in UTC, to the microsecond PostgreSQL stores. */
    public static OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
