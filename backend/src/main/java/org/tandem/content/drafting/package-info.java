/**
 * Internal to content: the AI step — context assembly (pre-prompt, fenced request, knowledge passages),
 * the in-process worker that serves every registered {@link org.tandem.content.AiStep}, the offline
 * drafter, budgets and concurrency per use case.
 */
package org.tandem.content.drafting;
