package org.tandem.platform.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@value #CASE_ID} and {@value #PROCESS_INSTANCE_ID} in the logging context (MDC), so that
 * each log line of a case can be found. Three places cover it:
 * <ul>
 *   <li>inside the engine (delegates, listeners, jobs): Camunda's own logging context, configured in
 *       application.yml ({@code loggingContextBusinessKey: caseId} — the business key is the case id —
 *       and {@code loggingContextProcessInstanceId: processInstanceId});</li>
 *   <li>the AI step: the content module's drafting runs with both keys
 *       ({@code org.tandem.content.drafting.DraftingLoggingContext});</li>
 *   <li>HTTP requests on {@code /api/cases/{id}…}: the case id (task requests get theirs from the engine
 *       as soon as they run an engine command).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class LoggingContext {

    public static final String CASE_ID = "caseId";
    public static final String PROCESS_INSTANCE_ID = "processInstanceId";

    @Bean
    FilterRegistrationBean<CaseIdFilter> caseIdLoggingFilter() {
        FilterRegistrationBean<CaseIdFilter> registration = new FilterRegistrationBean<>(new CaseIdFilter());
        registration.addUrlPatterns("/api/cases/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class CaseIdFilter extends OncePerRequestFilter {
        private static final Pattern CASE_PATH = Pattern.compile("^/api/cases/(\\d+)(/.*)?$");

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Matcher m = CASE_PATH.matcher(
                    request.getRequestURI().substring(request.getContextPath().length()));
            if (!m.matches()) {
                chain.doFilter(request, response);
                return;
            }
            MDC.put(CASE_ID, m.group(1));
            try {
                chain.doFilter(request, response);
            } finally {
                MDC.remove(CASE_ID);
            }
        }
    }
}
