/**
 * Field extraction ({@code extraction.bpmn}): the AI proposes the fields of a document, each with where
 * it stands, and people confirm, correct or mark each one absent; only verified values are recorded.
 */
@ApplicationModule(displayName = "Extraction")
package org.tandem.extraction;

import org.springframework.modulith.ApplicationModule;
