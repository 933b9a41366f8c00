package org.tandem.platform.web;

import org.springframework.http.HttpStatus;

/** A refusal the caller can act on; its message is shown to the person as it is (French). */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public ApiException(HttpStatus status, String message) {
        this(status, null, message);
    }

    public ApiException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** The request field the refusal is about, shown next to it; null when it is about the whole request. */
    public String field() {
        return field;
    }

    public HttpStatus status() {
        return status;
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }

    /** Said for any action on a task of a suspended process instance. */
    public static final String SUSPENDED = "Ce dossier est suspendu : aucune action n'est possible sur cette tâche"
            + " tant qu'il n'est pas réactivé. Rapprochez-vous de l'administrateur des processus.";

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, field, message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }
}
