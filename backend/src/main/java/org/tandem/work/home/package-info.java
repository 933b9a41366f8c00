/**
 * Internal to work: the home, « Ce qui m'attend » ({@code GET /api/home}), which puts together the
 * sections every module registers ({@link org.tandem.work.HomeSection}), and work's own: the tasks
 * assigned to the person and those offered to them to take.
 */
package org.tandem.work.home;
