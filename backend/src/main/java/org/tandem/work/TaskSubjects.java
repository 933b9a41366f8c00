package org.tandem.work;

import java.util.Optional;

/**
 * What the task list shows as the « objet » of a task that belongs to no case (a knowledge document's
 * review, say): a module registers a bean for its own processes. Asked in the engine's transaction,
 * when the task's row is written; a task no module describes has no subject.
 */
public interface TaskSubjects {

    /** The subject of a task of {@code processKey} whose instance has {@code businessKey}; empty when not this module's. */
    Optional<String> subject(String processKey, String businessKey);
}
