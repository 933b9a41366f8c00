package org.tandem.governance.entities;

import java.time.OffsetDateTime;

/**
 * Where a person works, and how they were placed there.
 *
 * @param source MANUAL (a screen or the API), IMPORT (a CSV file), OIDC (the entity claim of their login) or DEMO
 */
public record Placement(String username, String entityCode, String source, String placedBy, OffsetDateTime placedAt) {}
