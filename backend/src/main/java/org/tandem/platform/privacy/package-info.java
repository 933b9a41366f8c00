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
 *   <li>Names of people the dossier does not know are found after a civility (M., Mme, Dr…) and, since
 *       issue 16, without one ({@link org.tandem.platform.privacy.NameRecogniser}): a lexicon of 8,696
 *       first names (faker-js locale data, MIT, and Tandem's additions; resources {@code privacy/first-names*.txt}
 *       and {@code NOTICE-first-names.md}), the capitalised words around them, and their place: greeting,
 *       signature after a closing formula or alone on the last line, a form's label, a family or role word
 *       (« ma fille Inès », « son voisin »), « Claire et Paul Martin », a name seen elsewhere in the text.
 *       First names that are also words (Rose, Pierre), places or brands (Paris, Florence, Orange, Clio)
 *       need more evidence; after a street type, a place word, a car brand or an animal word a first name
 *       is not a person. Initials next to a name go with it (« K. Benali », « Julien B. »).</li>
 *   <li>No named-entity model: the one for French within reach of the JVM, Stanford CoreNLP 4.5.10's
 *       WikiNER CRF (artifact {@code stanford-corenlp:4.5.10:models-french}, which resolves here), is
 *       GPL-3.0 (Tandem's jar would become GPL), weighs 281 MB (a 105 MB model, 7 s to load, ~150 MB of
 *       heap) and, measured on this corpus with a throwaway program, found 80 % of the person names with
 *       79 % precision at ~14 ms a message — below the rules above on both counts.</li>
 *   <li>Street addresses of anybody are found with a number (« 18 chemin de la Garenne », « 12 ter, route
 *       de la Mer », « 47 av de la rochelle »), after « lieu-dit », after « demeurant » or « j'habite », and in
 *       the usual foreign forms (« Kerkstraat 14 »); a street without a number (« route de Limoges ») is
 *       where something happened and stays. Postcode and city stay.</li>
 *   <li>Dates of birth are found in figures and in words (« né le douze août mil neuf cent cinquante et
 *       un », « né à Parthenay le… »), after « né le », « DDN », « date de naissance ».</li>
 *   <li>Measured on the French corpus of {@code src/test/resources/privacy/corpus} (183 messages of the six
 *       use cases): see README.md « Pseudonymisation »; {@code PseudonymisationGoalsTest} keeps the goals.</li>
 *   <li>Health details, amounts, dates of events and places stay in clear: the model needs them, and
 *       without the identifiers they no longer point at a person. Health data remain sensitive
 *       (GDPR art. 9): the provider choice (European, no retention) still matters.</li>
 *   <li>Pseudonymised by default for every provider, ours included ({@link org.tandem.platform.privacy.PrivacyProperties}).</li>
 * </ul>
 */
@NamedInterface("privacy")
package org.tandem.platform.privacy;

import org.springframework.modulith.NamedInterface;
