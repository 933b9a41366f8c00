/**
 * The governance of GenAI use cases: ideas, the directorate's portfolio, each project's lifecycle
 * (ethics review, experiment, rollout), the entities that take part, and the public transparency
 * page. Its top package is what the content process asks of it: whether a use case runs with AI for
 * an entity ({@link org.tandem.governance.UseCaseEnablement}) and which cases ask the comfort survey.
 */
@ApplicationModule(displayName = "Governance")
package org.tandem.governance;

import org.springframework.modulith.ApplicationModule;
