/**
 * The demo, loaded only with the {@code demo} profile: one user per role, fictitious members, the
 * agencies they work in, the knowledge corpus, and ten weeks of projects and cases replayed through
 * the same services the screens call (with a simulated reviewer). A production start contains none
 * of its beans. Nothing depends on this module.
 */
@ApplicationModule(displayName = "Demo")
package org.tandem.demo;

import org.springframework.modulith.ApplicationModule;
