/**
 * Ideas of GenAI projects filed by any employee, and their triage by the AI referents.
 */
@NamedInterface("ideas")
package org.tandem.governance.ideas;

import org.springframework.modulith.NamedInterface;
