/**
 * The embedded PostgreSQL that runs when no datasource is configured.
 */
@NamedInterface("database")
package org.tandem.platform.database;

import org.springframework.modulith.NamedInterface;
