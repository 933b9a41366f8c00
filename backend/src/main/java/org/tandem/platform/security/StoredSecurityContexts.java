package org.tandem.platform.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Spring Session's conversions of session attributes, with each stored security context deserialized once: every
 * request read the session's row and deserialized the person's security context from its bytes again, 2 % of the
 * CPU of a content case (issue 18). The contexts are kept by their exact bytes (a changed login is other bytes),
 * at most {@link #CAPACITY}, the least recently read going first; each request gets its own context holding the
 * same authentication, as after a deserialization. Other attributes are deserialized each time, as before.
 */
final class StoredSecurityContexts implements Converter<byte[], Object> {

    static final int CAPACITY = 1024;

    /** The bytes as a key: equal when the contents are. */
    private record Stored(byte[] bytes, int hash) {
        Stored(byte[] bytes) {
            this(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Stored s && s.hash == hash && Arrays.equals(s.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final DeserializingConverter deserializer;
    private final Map<Stored, SecurityContext> contexts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Stored, SecurityContext> eldest) {
            return size() > CAPACITY;
        }
    };

    StoredSecurityContexts(ClassLoader classLoader) {
        this.deserializer = new DeserializingConverter(classLoader);
    }

    /** The conversion service for {@code JdbcIndexedSessionRepository}: Java serialization both ways. */
    GenericConversionService conversions() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, this);
        return conversions;
    }

    @Override
    public Object convert(byte[] bytes) {
        Stored key = new Stored(bytes);
        SecurityContext known;
        synchronized (contexts) {
            known = contexts.get(key);
        }
        if (known == null) {
            Object read = deserializer.convert(bytes);
            if (read == null || read.getClass() != SecurityContextImpl.class) {
                return read;
            }
            known = (SecurityContext) read;
            synchronized (contexts) {
                contexts.put(new Stored(bytes.clone(), key.hash()), known);
            }
        }
        return new SecurityContextImpl(known.getAuthentication());
    }

    /** How many contexts are kept (tests). */
    int size() {
        synchronized (contexts) {
            return contexts.size();
        }
    }
}
