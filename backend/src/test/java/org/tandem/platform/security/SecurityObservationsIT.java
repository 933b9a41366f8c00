package org.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;
import org.tandem.support.TandemIntegrationTest;

/** The security chain runs its filters as they are: no observation wraps each of them on every request. */
@TandemIntegrationTest
class SecurityObservationsIT {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityChain;

    @Test
    void theChainsFiltersAreNotWrappedInObservations() {
        assertThat(securityChain).isInstanceOf(FilterChainProxy.class);
        assertThat(ReflectionTestUtils.getField(securityChain, "filterChainDecorator"))
                .isNotNull()
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
