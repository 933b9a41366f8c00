/**
 * A GenAI project's life in {@code genai-project.bpmn} and its call activities: necessity, ethics review,
 * experiment with KPIs measured from pilot and control entities, decisions, rollout waves and kill switches.
 */
@NamedInterface("lifecycle")
package org.tandem.governance.lifecycle;

import org.springframework.modulith.NamedInterface;
