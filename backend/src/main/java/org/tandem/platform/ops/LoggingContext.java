package org.tandem.platform.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.slf4j.MDC;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tandem.content.DraftingService;

/**
 * Puts {@value #CASE_ID} and {@value #PROCESS_INSTANCE_ID} in the logging context (MDC), so that
 * each log line of a case can be found. Three places cover it:
 * <ul>
 *   <li>inside the engine (delegates, listeners, jobs): Camunda's own logging context, configured in
 *       application.yml ({@code loggingContextBusinessKey: caseId} — the business key is the case id —
 *       and {@code loggingContextProcessInstanceId: processInstanceId});</li>
 *   <li>the AI step: {@link DraftingService#draft} runs with both keys (a proxy around the bean, so the
 *       worker and the drafting service are untouched);</li>
 *   <li>HTTP requests on {@code /api/cases/{id}…}: the case id (task requests get theirs from the engine
 *       as soon as they run an engine command).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class LoggingContext {

    public static final String CASE_ID = "caseId";
    public static final String PROCESS_INSTANCE_ID = "processInstanceId";

    @Bean
    static BeanPostProcessor draftingLoggingContext(ObjectProvider<ExternalTaskService> externalTasks) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DraftingService)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    Object[] args = invocation.getArguments();
                    if (!invocation.getMethod().getName().equals("draft") || args.length < 2
                            || !(args[0] instanceof Long caseId)) {
                        return invocation.proceed();
                    }
                    String previousCase = MDC.get(CASE_ID);
                    String previousInstance = MDC.get(PROCESS_INSTANCE_ID);
                    MDC.put(CASE_ID, String.valueOf(caseId));
                    if (args[1] instanceof String externalTaskId) {
                        try {
                            ExternalTask task = externalTasks.getObject().createExternalTaskQuery()
                                    .externalTaskId(externalTaskId).singleResult();
                            if (task != null) {
                                MDC.put(PROCESS_INSTANCE_ID, task.getProcessInstanceId());
                            }
                        } catch (RuntimeException e) {
                            // the logging context is a help, never a reason to fail the AI step
                        }
                    }
                    try {
                        return invocation.proceed();
                    } finally {
                        restore(CASE_ID, previousCase);
                        restore(PROCESS_INSTANCE_ID, previousInstance);
                    }
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

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
            Matcher m = CASE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
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
