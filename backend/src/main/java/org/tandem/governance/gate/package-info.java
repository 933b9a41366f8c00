/**
 * The governance gate administered: which use cases serve and why, and an administrator's exceptional
 * opening of a use case no project governs (recorded with its reason, public on the transparency page).
 * A named interface: the demo opens the claim summary through it, as an administrator would.
 */
@NamedInterface("gate")
package org.tandem.governance.gate;

import org.springframework.modulith.NamedInterface;
