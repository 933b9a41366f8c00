/**
 * The public transparency page: which use cases run with AI where, what the member is told, where
 * the models run and their footprint. Internal to the governance module.
 */
package org.tandem.governance.transparency;
