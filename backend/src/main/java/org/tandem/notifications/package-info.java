/**
 * What a person is told: in-app notifications of task events (new task for their group, task assigned
 * to them, task due tomorrow, their case returned to them), their unread count, their choices, and an
 * optional daily e-mail digest. Listens to the engine's tasks; nothing depends on it.
 */
@ApplicationModule(displayName = "Notifications")
package org.tandem.notifications;

import org.springframework.modulith.ApplicationModule;
