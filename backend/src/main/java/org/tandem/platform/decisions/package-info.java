/**
 * How the engine evaluates the rules of decision tables (DMN): the simplest FEEL rule tests in plain Java.
 */
package org.tandem.platform.decisions;
