/**
 * The member chatbot ({@code chatbot.bpmn}, {@code unattended-authorization.bpmn}): unattended answers
 * under an AI referent's standing authorisation per pre-prompt version, hand-off to a person, and the
 * sampled post-review.
 */
@ApplicationModule(displayName = "Chatbot")
package org.tandem.chatbot;

import org.springframework.modulith.ApplicationModule;
