package org.tandem.knowledge;

/** A passage of a document, as stored (its full-text vector and embedding stay in the database). */
public record KnowledgePassage(long id, long documentId, int ordinal, String heading, String text) {}
