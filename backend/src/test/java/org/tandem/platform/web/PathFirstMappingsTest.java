package org.tandem.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The literal start of a pattern never turns away a path the pattern matches (the handler lookup's shortcut). */
class PathFirstMappingsTest {

    private static final List<String> PATTERNS = List.of(
            "/",
            "/api/cases",
            "/api/cases/{id}",
            "/api/tasks/{id}/complete",
            "/api/tasks/{id:[a-f0-9-]+}",
            "/files/**",
            "/files/{*rest}",
            "/api/ta?ks",
            "/api/x{id}",
            "/camunda/**");

    private static final List<String> PATHS = List.of(
            "/",
            "/api/cases",
            "/api/cases/12",
            "/api/tasks/3f2a/complete",
            "/api/tasks/abc-12",
            "/api/tasks",
            "/api/taXks",
            "/api/x42",
            "/files",
            "/files/a/b.txt",
            "/camunda",
            "/camunda/app/cockpit/");

    @Test
    void everyMatchedPathStartsWithThePatternsLiteralStart() {
        int matches = 0;
        for (String text : PATTERNS) {
            PathPattern pattern = PathPatternParser.defaultInstance.parse(text);
            String start = PathFirstMappings.literalStart(pattern.getPatternString());
            for (String path : PATHS) {
                if (pattern.matches(PathContainer.parsePath(path))) {
                    matches++;
                    assertThat(path).as("%s matches %s", text, path).startsWith(start);
                }
            }
        }
        // the pairs above include the edge cases (a rest matching nothing, a wildcard inside a segment)
        assertThat(matches).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theLiteralStartStopsBeforeTheFirstVariableOrWildcardSegment() {
        assertThat(PathFirstMappings.literalStart("/api/tasks/{id}/complete")).isEqualTo("/api/tasks");
        assertThat(PathFirstMappings.literalStart("/api/cases")).isEqualTo("/api/cases");
        assertThat(PathFirstMappings.literalStart("/files/**")).isEqualTo("/files");
        assertThat(PathFirstMappings.literalStart("/api/ta?ks")).isEqualTo("/api");
        assertThat(PathFirstMappings.literalStart("/**")).isEmpty();
    }
}
