/**
 * Content's part of retention and erasure (issue 16): which cases are a member's and which are past
 * their use case's retention period, when a case closed (from the engine's history), and the erasure
 * of the cases' texts, prompts, sources, drafts, versions, decisions' reasons, disclosed texts and
 * engine history variables — keeping the figures the KPIs read.
 */
package org.tandem.content.erasure;
