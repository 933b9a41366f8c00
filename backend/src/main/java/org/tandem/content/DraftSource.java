package org.tandem.content;

import java.time.LocalDate;

/**
 * A knowledge passage the AI step was given, as stored with the context and the draft (proposal 37):
 * the draft cites it as [S1], [S2]…; the reviewer opens it; it is flagged when its document is past
 * its review date.
 *
 * @param id       the mark the prompt and the draft use: "S1", "S2"…
 * @param citation how a person reads the reference, e.g. « SIN-DDE-01 v2 — Dégât des eaux › La convention IRSI »
 */
public record DraftSource(
        String id,
        long passageId,
        String reference,
        String title,
        String collection,
        int documentVersion,
        String heading,
        String text,
        boolean stale,
        LocalDate lastReviewed,
        String citation) {}
