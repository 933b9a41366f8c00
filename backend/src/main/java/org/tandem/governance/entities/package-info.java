/**
 * The business entities (agencies, services) and who works in which one.
 */
@NamedInterface("entities")
package org.tandem.governance.entities;

import org.springframework.modulith.NamedInterface;
