package org.tandem.platform.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this user name or address: answered 429 with a Retry-After. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Trop de tentatives de connexion.");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** "dans 3 minutes", "dans 40 secondes" */
    String frenchMessage() {
        long seconds = Math.max(1, retryAfter.toSeconds());
        String wait =
                seconds >= 90 ? ((seconds + 59) / 60) + " minutes" : seconds + (seconds > 1 ? " secondes" : " seconde");
        return "Trop de tentatives de connexion échouées : réessayez dans " + wait + ".";
    }
}
