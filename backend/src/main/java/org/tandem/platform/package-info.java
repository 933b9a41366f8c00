/**
 * The platform every capability stands on: AI providers, privacy (pseudonymisation), guardrails,
 * footprint, the use-case catalogue, security, the web API's conventions, the audit trail, operations
 * and time. It depends on no other module. Each sub-package is a named interface other modules use.
 */
@ApplicationModule(displayName = "Platform")
package org.tandem.platform;

import org.springframework.modulith.ApplicationModule;
