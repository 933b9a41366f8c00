/**
 * Erasure of personal data (issue 16; GDPR art. 5(1)(e) and 17): when a use case's retention period
 * after a case's closure has passed (the daily {@code data-retention} process), and on a member's
 * request, by the data protection officer, in one action recorded with its reason.
 *
 * <p>Each module that keeps personal data registers an {@link org.tandem.platform.erasure.ErasureContributor}
 * and erases its own rows; {@link org.tandem.platform.erasure.ErasableCases} (content) says which cases
 * are a member's and which are due. What the law requires to keep is listed in
 * {@link org.tandem.platform.erasure.KeptByLaw} and kept: the audit trail's entries without their
 * personal content (their hashes keep verifying), the record of each erasure, the disclosure's facts,
 * and the figures of the KPIs and the footprint, which hold no personal data.
 */
@NamedInterface("erasure")
package org.tandem.platform.erasure;

import org.springframework.modulith.NamedInterface;
