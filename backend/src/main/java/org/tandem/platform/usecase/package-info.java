/**
 * The use-case catalogue ({@code processes/use-cases/*.yaml}): each use case's process, groups, model
 * settings, guardrail rules and its versioned pre-prompts.
 */
@NamedInterface("usecase")
package org.tandem.platform.usecase;

import org.springframework.modulith.NamedInterface;
