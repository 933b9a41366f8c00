/**
 * Internal to quality: evaluation runs of a pre-prompt version on the use case's reference set, beside
 * the version in service, and the AI referent's decision that lets it serve.
 */
package org.tandem.quality.evaluation;
