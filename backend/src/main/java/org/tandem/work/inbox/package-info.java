/**
 * Internal to work: the task list's read model {@code inbox_task}, kept in the engine's transaction by
 * listeners added to every user task, its search and its rebuild.
 */
package org.tandem.work.inbox;
