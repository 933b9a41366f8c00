/**
 * The knowledge base: documents with owners and review dates, split into passages, searched by
 * PostgreSQL's French full-text search re-ranked with in-process embeddings, and the periodic review
 * of documents ({@code knowledge-review.bpmn}).
 */
@ApplicationModule(displayName = "Knowledge")
package org.tandem.knowledge;

import org.springframework.modulith.ApplicationModule;
