/**
 * Internal to work: the task list's and task page's HTTP API (list, filters, claim and hand-over, task,
 * completion, form, comments, full-display reports).
 */
package org.tandem.work.tasklist;
