/** Internal to quality: the reviewers' figures, shown to themselves and to managers under the rule of proposal 15. */
package org.tandem.quality.reviewers;
