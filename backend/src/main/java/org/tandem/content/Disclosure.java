package org.tandem.content;

import java.time.OffsetDateTime;

/**
 * What the member received: the final text, the label the policy gave, a machine-readable marker, and
 * the signed provenance record of the text (JWS) with what it binds.
 *
 * @param channel           the use case's channel (courrier, courriel, espace-societaire, dossier)
 * @param digitalSourceType the IPTC digital source type URI of the text
 * @param contentSha256     SHA-256 of the disclosed text in canonical form (platform.provenance.ContentHash)
 * @param provenance        the signed record, JWS compact serialisation; null for disclosures made before
 *                          records existed
 */
public record Disclosure(
        long caseId,
        String category,
        String label,
        boolean citeSources,
        String marker,
        String disclosedText,
        OffsetDateTime disclosedAt,
        String channel,
        String digitalSourceType,
        String contentSha256,
        String provenance) {}
