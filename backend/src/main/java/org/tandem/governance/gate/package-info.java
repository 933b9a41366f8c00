/**
 * The governance gate administered: which use cases serve and why, and an administrator's exceptional
 * opening of a use case no project governs (recorded with its reason, public on the transparency page).
 */
package org.tandem.governance.gate;
