package org.tandem.governance.entities;

/**
 * An agency, a service or a directorate: where people work and where a use case is enabled.
 *
 * @param parentCode the entity it belongs to in the hierarchy; null at the top
 */
public record BusinessEntity(String code, String name, EntityKind kind, String parentCode) {}
