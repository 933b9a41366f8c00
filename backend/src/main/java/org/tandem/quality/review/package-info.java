/** Internal to quality: the sampled, blind second review and the agreement between reviewers (Cohen's κ). */
package org.tandem.quality.review;
