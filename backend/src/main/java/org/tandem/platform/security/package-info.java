/**
 * Who is who: logins (form, HTTP Basic, OIDC), roles as Camunda groups, the current user, login throttling.
 */
@NamedInterface("security")
package org.tandem.platform.security;

import org.springframework.modulith.NamedInterface;
