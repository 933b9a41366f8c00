package org.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

class StoredSecurityContextsTest {

    private final StoredSecurityContexts contexts =
            new StoredSecurityContexts(getClass().getClassLoader());
    private final GenericConversionService conversions = contexts.conversions();

    private byte[] stored(Object value) {
        return (byte[])
                conversions.convert(value, TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class));
    }

    private Object read(byte[] bytes) {
        return conversions.convert(
                bytes.clone(), TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
    }

    private static SecurityContext loggedIn(String name) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("ROLE_EXPERT"))));
    }

    @Test
    void eachReadGetsItsOwnContextWithTheStoredAuthentication() {
        byte[] bob = stored(loggedIn("bob"));
        SecurityContext first = (SecurityContext) read(bob);
        SecurityContext second = (SecurityContext) read(bob);
        assertThat(first).isNotSameAs(second);
        assertThat(second.getAuthentication().getName()).isEqualTo("bob");
        assertThat(second.getAuthentication().getAuthorities())
                .extracting("authority")
                .containsExactly("ROLE_EXPERT");

        // a logout empties the request's context, not what the next request of another session reads
        first.setAuthentication(null);
        assertThat(((SecurityContext) read(bob)).getAuthentication().getName()).isEqualTo("bob");
    }

    @Test
    void otherBytesAreAnotherContextAndOtherAttributesAreReadEachTime() {
        assertThat(((SecurityContext) read(stored(loggedIn("alice"))))
                        .getAuthentication()
                        .getName())
                .isEqualTo("alice");
        assertThat(((SecurityContext) read(stored(loggedIn("bob"))))
                        .getAuthentication()
                        .getName())
                .isEqualTo("bob");
        byte[] probe = stored(new StringBuilder("kept"));
        Object once = read(probe);
        assertThat(once.toString()).isEqualTo("kept");
        assertThat(read(probe)).isNotSameAs(once);
        assertThat(contexts.size()).isEqualTo(2);
    }

    @Test
    void atMostTheCapacityIsKeptTheLeastRecentlyReadGoingFirst() {
        byte[] first = stored(loggedIn("user-0"));
        read(first);
        for (int i = 1; i <= StoredSecurityContexts.CAPACITY + 10; i++) {
            assertThat(((SecurityContext) read(stored(loggedIn("user-" + i))))
                            .getAuthentication()
                            .getName())
                    .isEqualTo("user-" + i);
        }
        assertThat(contexts.size()).isEqualTo(StoredSecurityContexts.CAPACITY);
        // read again from its bytes once it went
        assertThat(((SecurityContext) read(first)).getAuthentication().getName())
                .isEqualTo("user-0");
        assertThat(contexts.size()).isEqualTo(StoredSecurityContexts.CAPACITY);
    }
}
