package org.tandem.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(OidcLogin.Properties.class)
public class SecurityConfiguration {

    // The chains add no provider of their own: Spring Security's global manager holds the one
    // AuthenticationProvider bean (CamundaIdentityAuthenticationProvider). Adding it per chain as
    // well made every failed password be checked — and counted — twice.

    /**
     * Camunda's REST API: for administrators and service accounts, HTTP Basic only and no session,
     * so a browser's session cookie can never be replayed against it (no CSRF surface).
     */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, JsonSecurityHandlers handlers) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(Role.ADMIN.name(), Role.SERVICE.name()))
                .httpBasic(b -> b.realmName("Tandem engine")
                        .authenticationEntryPoint(
                                handlers.throttledOr(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }

    /**
     * Camunda's webapps: administrators only, with the session of the app's login. They carry
     * their own CSRF filter and their own Content-Security-Policy (with nonces).
     */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, JsonSecurityHandlers handlers) throws Exception {
        return http.securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Role.ADMIN.name()))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .accessDeniedHandler(handlers.denied()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain application(
            HttpSecurity http,
            JsonSecurityHandlers handlers,
            ObjectProvider<ClientRegistrationRepository> oidc,
            OidcLogin.Properties oidcProperties,
            ObjectProvider<EntityClaimListener> entityClaims,
            LoginOptions loginOptions)
            throws Exception {
        if (oidc.getIfAvailable() != null) {
            // OIDC (Keycloak…) beside the form login: /oauth2/authorization/{registration} starts it; the login
            // page offers it as « Se connecter avec … » (LoginOptions). A failure comes back to the login page.
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(OidcLogin.userService(
                            oidcProperties, entityClaims.orderedStream().toList())))
                    .defaultSuccessUrl("/", true)
                    .failureUrl("/#/login?sso=failed"));
        }
        if (!loginOptions.formEnabled()) {
            // tandem.login.form-enabled=false: people log in through the provider only (HTTP Basic stays,
            // for service accounts and the engine's REST API)
            http.addFilterBefore(new FormLoginSwitchedOff(), UsernamePasswordAuthenticationFilter.class);
        }
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Tandem");
        return http.authorizeHttpRequests(a -> a
                        // the public transparency page (proposals 22–24): aggregates only, nothing personal
                        .requestMatchers(path("/api/public/**"))
                        .permitAll()
                        .requestMatchers(path("/api/**"))
                        .authenticated()
                        .requestMatchers(path("/actuator/health/**"), path("/actuator/health"))
                        .permitAll()
                        // Prometheus scrapes with a service account (HTTP Basic)
                        .requestMatchers(path("/actuator/prometheus"))
                        .hasAnyRole(Role.ADMIN.name(), Role.SERVICE.name())
                        .requestMatchers(path("/actuator/**"))
                        .hasRole(Role.ADMIN.name())
                        // the OpenAPI description of /api and its Swagger UI: administrators only
                        .requestMatchers(
                                path("/v3/api-docs"),
                                path("/v3/api-docs/**"),
                                path("/swagger-ui.html"),
                                path("/swagger-ui/**"))
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .permitAll())
                .formLogin(f -> f.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .successHandler(handlers.loginSuccess())
                        .failureHandler(handlers.loginFailure())
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                handlers.unauthenticated(), path("/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), path("/**"))
                        .accessDeniedHandler(handlers.denied()))
                .headers(h -> h.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
                                                + "frame-ancestors 'self'; form-action 'self'; base-uri 'self'; object-src 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .httpBasic(b -> b.authenticationEntryPoint(handlers.throttledOr(basic)))
                .build();
    }

    /**
     * No observation around the security chain's filters, its authentications and its authorizations: Spring Security
     * wrapped each of the chain's fifteen filters, on every request, for observations no one reads (2 % of the CPU
     * under load, issue 18); {@code http.server.requests} keeps timing every route.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The handler of a request looked up by the dispatcher only (see {@link OneHandlerLookup}). */
    @Bean
    static OneHandlerLookup oneHandlerLookup() {
        return new OneHandlerLookup();
    }

    /** A URL the firewall refuses (encoded slash, "..", NUL…) answers 400 with the French error body. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return new org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler(400);
    }

    /**
     * Matches the whole path, whichever servlet serves it: the engine's REST API and webapps are
     * Jersey servlets, where Spring MVC patterns would not match and the request would fall through.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /**
     * Camunda's webapps (Cockpit, Tasklist, Admin) trust the person Spring Security authenticated:
     * one login for the whole application.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addInitParameter("authentication-provider", SpringSecurityCamundaAuthentication.class.getName());
        registration.addUrlPatterns("/camunda/*");
        return registration;
    }

    /**
     * The SPA sends the raw cookie value in X-XSRF-TOKEN; server-rendered forms would send the masked one. Loading the
     * token on every request sets the XSRF-TOKEN cookie on the first response the SPA receives; a filter that also
     * asked for the masked token drew 32 random bytes per request for nothing (issue 18).
     */
    static final class SpaCsrfTokenRequestHandler implements CsrfTokenRequestHandler {
        private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
        private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
            xor.handle(request, response, csrfToken);
            csrfToken.get();
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            String header = request.getHeader(csrfToken.getHeaderName());
            return StringUtils.hasText(header)
                    ? plain.resolveCsrfTokenValue(request, csrfToken)
                    : xor.resolveCsrfTokenValue(request, csrfToken);
        }
    }

    /** With the form login switched off, a POST /login is refused in French before any password is checked. */
    static final class FormLoginSwitchedOff extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter()
                        .write("{\"status\":403,\"error\":\"Forbidden\",\"message\":\"La connexion par identifiant et"
                                + " mot de passe est désactivée : utilisez le bouton « Se connecter avec … » de la page"
                                + " de connexion.\"}");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
