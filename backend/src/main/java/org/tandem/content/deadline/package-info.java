/**
 * Internal to content: deadlines and escalation (issue 19). A case is due when its use case's answer
 * time in business days has passed; each user task carries that due date, and a timer escalates the
 * first overdue task of the case to a manager of the team, once.
 */
package org.tandem.content.deadline;
