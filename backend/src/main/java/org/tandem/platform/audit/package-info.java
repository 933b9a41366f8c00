/**
 * The append-only, hash-chained audit trail of every case, and its verification.
 */
@NamedInterface("audit")
package org.tandem.platform.audit;

import org.springframework.modulith.NamedInterface;
