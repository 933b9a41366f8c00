package org.tandem.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A passage found for a query, with what a draft needs to cite it: the document's reference, title
 * and version, the passage's heading and text, and whether the document is stale (proposal 37).
 *
 * @param score      the combined score, 0–1, that orders the results (see {@link KnowledgeRetriever})
 * @param textScore  the full-text score relative to the best candidate, 0–1
 * @param similarity the cosine similarity of the query and passage embeddings; null when not re-ranked
 */
public record RetrievedPassage(
        long passageId,
        String reference,
        String title,
        String collection,
        int documentVersion,
        int ordinal,
        String heading,
        String text,
        double score,
        double textScore,
        Double similarity,
        boolean stale,
        LocalDate lastReviewed) {

    /**
     * How a draft cites the passage, e.g. « SIN-DDE-01 v2 — Dégât des eaux — démarches… › La convention IRSI »,
     * followed by a warning when the document is stale.
     */
    public String citation() {
        return reference + " v" + documentVersion + " — " + title + (heading == null ? "" : " › " + heading)
                + (stale
                        ? " (document à relire, dernière relecture le "
                                + lastReviewed.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " : à vérifier)"
                        : "");
    }
}
