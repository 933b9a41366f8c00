/**
 * The API's conventions: French error messages (4xx with a message a person understands), the SPA's routes.
 */
@NamedInterface("web")
package org.tandem.platform.web;

import org.springframework.modulith.NamedInterface;
