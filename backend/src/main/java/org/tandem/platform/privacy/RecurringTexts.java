package org.tandem.platform.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the recognisers found in the texts that come back call after call — a use case's pre-prompt, a template —,
 * kept so that they are not run again: on the pre-prompt they cost 6 % of a content case's CPU (issue 18). A text
 * is kept from its second time only (a member's message, met once, never is), and the least recently met goes first.
 *
 * <p>Thread-safe. The values must not depend on anything but the text.
 *
 * @param <V> what is kept per text
 */
final class RecurringTexts<V> {

    private final Map<String, V> kept;
    /** The hashes of texts met once lately: a text is kept the second time it is met. */
    private final Map<Integer, Boolean> metOnce;

    RecurringTexts(int capacity) {
        this.kept = lru(capacity);
        this.metOnce = lru(capacity * 16);
    }

    V get(String text, Function<String, V> compute) {
        synchronized (this) {
            V known = kept.get(text);
            if (known != null) {
                return known;
            }
        }
        V value = compute.apply(text);
        synchronized (this) {
            if (metOnce.remove(text.hashCode()) != null) {
                kept.put(text, value);
            } else {
                metOnce.put(text.hashCode(), Boolean.TRUE);
            }
        }
        return value;
    }

    synchronized int size() {
        return kept.size();
    }

    private static <K, T> Map<K, T> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, T> eldest) {
                return size() > capacity;
            }
        };
    }
}
