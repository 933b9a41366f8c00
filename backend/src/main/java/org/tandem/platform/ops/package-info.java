/**
 * Operations: health of the engine and the AI provider, and the logging context (case id, process instance).
 */
@NamedInterface("ops")
package org.tandem.platform.ops;

import org.springframework.modulith.NamedInterface;
