package org.tandem.content.drafting;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;
import org.tandem.platform.usecase.UseCase;

/**
 * A use case's limit on simultaneous model calls on this node (e.g. a provider's rate limit shared
 * with other applications). A call beyond it does not wait on a worker thread: the task is put back
 * for a little later without using up a retry.
 */
@Component
public class UseCaseConcurrency {

    private final Map<String, Semaphore> limits = new ConcurrentHashMap<>();

    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** An open permit to close after the call; empty when the use case is at its limit. */
    public Optional<Permit> tryEnter(UseCase useCase) {
        Integer limit = useCase.aiSettings().concurrency();
        if (limit == null || limit < 1) {
            Permit none = () -> {};
            return Optional.of(none);
        }
        Semaphore semaphore = limits.computeIfAbsent(useCase.key(), k -> new Semaphore(limit));
        if (!semaphore.tryAcquire()) {
            return Optional.empty();
        }
        Permit permit = semaphore::release;
        return Optional.of(permit);
    }
}
