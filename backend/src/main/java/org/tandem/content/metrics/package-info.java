/**
 * Internal to content: each case's measures (time to first draft and to approval, edit ratios,
 * regenerations), the source of the experiments' KPIs.
 */
package org.tandem.content.metrics;
