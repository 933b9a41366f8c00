/**
 * Internal to content: the people's steps of a case, one {@link org.tandem.work.TaskHandler} per task
 * kind (review, edit and hand-drafting, approval, the AMI assistant's answers), versions and edit measures.
 */
package org.tandem.content.review;
