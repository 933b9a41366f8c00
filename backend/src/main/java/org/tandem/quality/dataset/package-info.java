/** Internal to quality: the corrections dataset of a use case and its pseudonymised JSONL export. */
package org.tandem.quality.dataset;
