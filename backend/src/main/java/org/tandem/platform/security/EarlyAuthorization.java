package org.tandem.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks an endpoint's {@code @PreAuthorize} before Spring MVC reads and validates the request body:
 * method security alone runs after that, so a person without the role would get the validation
 * errors of a form they may not submit (400) instead of a refusal (403). Expressions that use the
 * method's arguments ({@code #name}) are left to method security, which still runs as well.
 */
@Configuration(proxyBeanMethods = false)
class EarlyAuthorization implements WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
    /** Each endpoint's rule when it can be checked early, looked up once (the annotation scan: 1 % of a case's CPU). */
    private final Map<Method, Optional<PreAuthorize>> rules = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (handler instanceof HandlerMethod method) {
                            check(method);
                        }
                        return true;
                    }
                })
                .addPathPatterns("/api/**");
    }

    private void check(HandlerMethod handler) {
        if (rules.computeIfAbsent(handler.getMethod(), EarlyAuthorization::earlyRule)
                .isEmpty()) {
            return;
        }
        var invocation = new SimpleMethodInvocation(
                handler.getBean(),
                handler.getMethod(),
                new Object[handler.getMethod().getParameterCount()]);
        AuthorizationResult result =
                manager.authorize(() -> SecurityContextHolder.getContext().getAuthentication(), invocation);
        if (result != null && !result.isGranted()) {
            throw new AccessDeniedException("Access denied");
        }
    }

    /** The endpoint's rule, unless it has none or uses the method's arguments. */
    private static Optional<PreAuthorize> earlyRule(Method method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        return rule == null || rule.value().contains("#") ? Optional.empty() : Optional.of(rule);
    }
}
