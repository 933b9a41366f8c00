package org.tandem.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.tandem.platform.web.ApiError;

/** Login, refusals and unauthenticated calls answer JSON, since the client is the React app. */
@Component
class JsonSecurityHandlers {

    private final ObjectMapper objectMapper;

    JsonSecurityHandlers(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    AuthenticationSuccessHandler loginSuccess() {
        return (request, response, authentication) -> write(response, HttpStatus.OK, CurrentUsers.from(authentication));
    }

    AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                tooManyAttempts(response, throttled);
                return;
            }
            write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    ApiError.of(HttpStatus.UNAUTHORIZED, "Identifiant ou mot de passe incorrect."));
        };
    }

    /** HTTP Basic: a throttled login answers 429 like the form; any other failure goes to {@code otherwise}. */
    AuthenticationEntryPoint throttledOr(AuthenticationEntryPoint otherwise) {
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                tooManyAttempts(response, throttled);
            } else {
                otherwise.commence(request, response, exception);
            }
        };
    }

    private void tooManyAttempts(HttpServletResponse response, LoginThrottledException throttled) throws IOException {
        response.setHeader(
                "Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
        write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                ApiError.of(HttpStatus.TOO_MANY_REQUESTS, throttled.frenchMessage()));
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> write(
                response, HttpStatus.UNAUTHORIZED, ApiError.of(HttpStatus.UNAUTHORIZED, "Vous devez vous connecter."));
    }

    AccessDeniedHandler denied() {
        return (request, response, exception) -> write(
                response,
                HttpStatus.FORBIDDEN,
                ApiError.of(
                        HttpStatus.FORBIDDEN,
                        exception.getClass().getSimpleName().contains("Csrf")
                                ? "Votre session a expiré ou la demande n'a pas été reconnue : rechargez la page."
                                : "Vous n'avez pas accès à cette ressource."));
    }

    private void write(HttpServletResponse response, HttpStatus status, Object body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), body);
    }
}
