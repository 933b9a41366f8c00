/**
 * The engine's clock, which the tests and the demo history may move.
 */
@NamedInterface("time")
package org.tandem.platform.time;

import org.springframework.modulith.NamedInterface;
