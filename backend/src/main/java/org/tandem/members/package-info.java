/**
 * The insurer's members (sociétaires) that a content is about: found through the configured {@link
 * org.tandem.members.MemberDirectory} (Tandem's table, filled by a CSV import, or the insurer's member
 * system over HTTP) by the request form's picker, copied for the cases opened about them ({@link
 * org.tandem.members.MemberSnapshots}), and their identity handed to the pseudonymiser.
 */
@ApplicationModule(displayName = "Members")
package org.tandem.members;

import org.springframework.modulith.ApplicationModule;
