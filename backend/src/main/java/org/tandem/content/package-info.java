/**
 * The content process ({@code content.bpmn}, {@code knowledge-answer.bpmn}): a request becomes a case,
 * the AI step drafts, people review, edit and approve, the DMN sets the label and the content is
 * disclosed once. Its top package is what other modules use: cases, drafts, disclosures, the
 * decision log, and the extension points {@link org.tandem.content.AiStep} (an AI step's topic) and
 * {@link org.tandem.content.AnswerKind} (an answer other than a text). Internals: drafting, review,
 * casefile, metrics.
 */
@ApplicationModule(displayName = "Content")
package org.tandem.content;

import org.springframework.modulith.ApplicationModule;
