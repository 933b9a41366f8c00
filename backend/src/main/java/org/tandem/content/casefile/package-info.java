/**
 * Internal to content: the case as people read it (case page, task page, audit trail, process diagram),
 * with the check of who may see it.
 */
package org.tandem.content.casefile;
