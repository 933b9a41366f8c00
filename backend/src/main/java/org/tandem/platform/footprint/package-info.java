/**
 * The energy, CO2 and cost of every model call, measured or estimated from the model catalogue
 * ({@code ../shared/FOOTPRINT.md}), and the forecasts of a project's footprint.
 */
@NamedInterface("footprint")
package org.tandem.platform.footprint;

import org.springframework.modulith.NamedInterface;
