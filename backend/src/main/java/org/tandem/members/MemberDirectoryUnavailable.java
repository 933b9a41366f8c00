package org.tandem.members;

import org.springframework.http.HttpStatus;
import org.tandem.platform.web.ApiException;

/**
 * The member directory could not answer (unreachable, too slow, refused Tandem's credentials, failed,
 * or answered outside its contract). A 503 on the member field, in French: the request form shows it
 * there and keeps everything the adviser typed.
 */
public class MemberDirectoryUnavailable extends ApiException {

    /** Why the directory did not answer; the administrator's check shows it. */
    public enum Reason {
        UNREACHABLE,
        TIMEOUT,
        REFUSED,
        FAILED,
        MALFORMED
    }

    private final Reason reason;
    private final String detail;

    public MemberDirectoryUnavailable(Reason reason, String detail) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "memberId",
                detail + " Votre saisie est conservée : réessayez dans un instant.");
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** What went wrong, without the advice to the adviser (the administrator's check shows this). */
    public String detail() {
        return detail;
    }
}
