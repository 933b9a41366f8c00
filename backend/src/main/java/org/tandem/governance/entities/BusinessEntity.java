package org.tandem.governance.entities;

/** An agency, a centre or a department: where people work and where a use case is enabled. */
public record BusinessEntity(String code, String name) {}
