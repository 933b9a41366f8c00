/**
 * The directorate's portfolio: each project's score by a documented absolute formula, and the selection.
 */
@NamedInterface("portfolio")
package org.tandem.governance.portfolio;

import org.springframework.modulith.NamedInterface;
