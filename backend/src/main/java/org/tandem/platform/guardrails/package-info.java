/**
 * Guardrails around the AI step: on what goes in (untrusted text that tries to instruct the model)
 * and on what comes out (a draft that breaks a rule of the use case or the seed's tone rule).
 *
 * <h2>Use</h2>
 * <pre>{@code
 * // when the context is assembled, on the clear texts
 * List<InjectionFlag> flags = injectionDetector.scan(subject + "\n" + memberMessage);   // and each passage
 * GuardrailContext ctx = GuardrailContext.of(subject, memberMessage, dossierNotes);
 *
 * // in the worker, after restoration
 * List<Violation> violations = outputGuardrails.check(restored.text(), rules, ctx);
 * RetryDecision decision = RetryOnGuardrailFailure.once().decide(violations, regenerationsSoFar);
 * // REGENERATE: call again with userPrompt + decision.instructionFr() (through the same session);
 * // otherwise store the draft with GuardrailReport.of(flags, decision, regenerations) as JSON.
 *
 * // at approval, on the final edited text: refuse while any violation blocksApproval()
 * }</pre>
 *
 * <p>Injection flags inform the reviewer and never block: they are heuristics, with a measured
 * detection rate well below 100 % on phrasings they were not written for (see the corpus test).
 * The defences that hold are the fence in the prompt, the output guardrails and the human review.
 */
@NamedInterface("guardrails")
package org.tandem.platform.guardrails;

import org.springframework.modulith.NamedInterface;
