/**
 * Pseudonymisation of members' data in prompts (DESIGN.md « AI, responsibly »; proposals 20 and 27).
 *
 * <h2>Use, per model call</h2>
 * <pre>{@code
 * PseudonymisationSession session = privacy.pseudonymises(ai)
 *         ? PseudonymisationSession.of(pseudonymiser, member.identity())
 *         : PseudonymisationSession.disabled();
 * String system = session.pseudonymise(context.systemPrompt()) + session.promptNote();
 * String user = session.pseudonymise(context.userPrompt());          // then passages, instructions…
 * ChatResponse response = chatModel.chat(… system, user …);
 * Restoration restored = session.restore(response.aiMessage().text()); // store restored.text()
 * }</pre>
 *
 * <h2>Where the map lives</h2>
 * Only in the session, on the stack of the call, for the duration of the model call. It is rebuilt
 * from the dossier and the stored (clear) context at each attempt: the same inputs in the same
 * order give the same tokens. It is never stored, logged, audited, nor put in a process variable
 * ({@link org.tandem.platform.privacy.PseudonymMap} prints no value, is not Serializable, has no bean property).
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>The city is kept in clear (see {@link org.tandem.platform.privacy.MemberIdentity}); the street address is not.</li>
 *   <li>Checksum recognisers (NIR, IBAN, SIREN, SIRET) keep numbers whose check fails; a NIR announced
 *       as such ("n° de sécurité sociale : …") is replaced even incomplete.</li>
 *   <li>Names of people the dossier does not know are found only after a civility (M., Mme, Dr…);
 *       a bare name in running text stays, there is no named-entity model.</li>
 *   <li>Health details, amounts, dates of events and places stay in clear: the model needs them, and
 *       without the identifiers they no longer point at a person. Health data remain sensitive
 *       (GDPR art. 9): the provider choice (European, no retention) still matters.</li>
 *   <li>Pseudonymised by default for every provider, ours included ({@link org.tandem.platform.privacy.PrivacyProperties}).</li>
 * </ul>
 */
@NamedInterface("privacy")
package org.tandem.platform.privacy;

import org.springframework.modulith.NamedInterface;
