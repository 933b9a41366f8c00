/**
 * The insurer's members (sociétaires) that a content is about: looked up by the request form and the
 * case file, and their identity handed to the pseudonymiser.
 */
@ApplicationModule(displayName = "Members")
package org.tandem.members;

import org.springframework.modulith.ApplicationModule;
