package org.tandem.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tandem.support.TandemIntegrationTest;

/** The application's mappings try the path first and still find the handler the conditions choose. */
@TandemIntegrationTest
class PathFirstMappingsIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String handler(String method, String path, String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        var chain = mappings.getHandler(request);
        return chain == null
                ? null
                : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }

    @Test
    void pathsWithVariablesFindTheirHandlerByMethodAndMediaType() throws Exception {
        assertThat(mappings.getClass().getEnclosingClass()).isEqualTo(PathFirstMappings.class);
        assertThat(handler("POST", "/api/tasks/42/complete", null)).isEqualTo("complete");
        assertThat(handler("GET", "/api/cases/7", "application/json")).isEqualTo("one");
        assertThat(handler("GET", "/api/cases/7/document", "application/pdf")).isEqualTo("document");
        assertThat(handler("GET", "/api/cases/7/document", null)).isEqualTo("document");
        assertThat(handler("GET", "/api/cases", null)).isEqualTo("mine");
    }
}
