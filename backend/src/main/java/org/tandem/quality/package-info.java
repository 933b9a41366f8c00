/**
 * The quality loop: every correction teaches, every pre-prompt version is evaluated before it serves,
 * reviewers are measured fairly. The corrections dataset (AI draft, approved text, diff, reasons, version,
 * sources, model; exported pseudonymised as JSONL), evaluation runs of a new pre-prompt version on the use
 * case's reference set ({@code prompt-evaluation.bpmn}) before an AI referent authorises it, the sampled
 * blind second review with Cohen's κ ({@code second-review.bpmn}), and the reviewers' figures with the
 * fairness rule of proposal 15. Its API: {@link org.tandem.quality.PrePromptProposals} (a pre-prompt proposed
 * without its file, evaluated then authorised like any version; the demo's candidate). Internals: dataset,
 * evaluation, review, reviewers.
 */
@ApplicationModule(displayName = "Quality")
package org.tandem.quality;

import org.springframework.modulith.ApplicationModule;
