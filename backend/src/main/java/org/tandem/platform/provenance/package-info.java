/**
 * Signed provenance records of the contents Tandem discloses: what a content is (the SHA-256 of its
 * canonical text), how it was produced (IPTC digital source type, the disclosure category, the AI's
 * measured share), who answers for it (validated by an employee or not), signed as a JWS (ES256) with
 * the key of {@code tandem.provenance.signing-key}; the public keys that ever signed are kept so that
 * anyone can verify a record later. Knows no module: the record's claims come from its caller.
 */
@NamedInterface("provenance")
package org.tandem.platform.provenance;

import org.springframework.modulith.NamedInterface;
