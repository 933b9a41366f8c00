package org.tandem.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of an /api call into a 4xx/5xx JSON body with a French message. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        if (e.field() != null) {
            return ResponseEntity.status(e.status())
                    .body(ApiError.of(e.status(), e.getMessage(), Map.of(e.field(), e.getMessage())));
        }
        return respond(e.status(), e.getMessage());
    }

    /** The instance was suspended between our check and the engine's command (Cockpit). */
    @ExceptionHandler(org.camunda.bpm.engine.SuspendedEntityInteractionException.class)
    ResponseEntity<ApiError> suspended(org.camunda.bpm.engine.SuspendedEntityInteractionException e) {
        return respond(HttpStatus.CONFLICT, ApiException.SUSPENDED);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        String message = fields.size() == 1
                ? fields.values().iterator().next()
                : "La demande est incomplète ou invalide : vérifiez les champs signalés.";
        return ResponseEntity.badRequest().body(ApiError.of(HttpStatus.BAD_REQUEST, message, fields));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return respond(
                HttpStatus.BAD_REQUEST, "Le contenu envoyé n'est pas un JSON valide ou un champ a un type inattendu.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(
                HttpStatus.BAD_REQUEST,
                "La valeur « " + e.getValue() + " » n'est pas valide pour « " + e.getName() + " ».");
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(org.springframework.web.bind.MissingServletRequestParameterException e) {
        return respond(HttpStatus.BAD_REQUEST, "Le paramètre « " + e.getParameterName() + " » est obligatoire.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Le contenu doit être envoyé en JSON.");
    }

    // --- uploads (multipart/form-data: member CSV, knowledge PDF/DOCX) ---

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(ApiError.of(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "Le fichier dépasse la taille permise (10 Mo) : rien n'a été enregistré.",
                        Map.of("file", "Le fichier dépasse la taille permise (10 Mo).")));
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ApiError> badUpload(org.springframework.web.multipart.MultipartException e) {
        return ResponseEntity.badRequest()
                .body(ApiError.of(
                        HttpStatus.BAD_REQUEST,
                        "Le fichier envoyé n'a pas pu être reçu (envoi incomplet ou mal formé) : rien n'a été"
                                + " enregistré, envoyez-le de nouveau.",
                        Map.of("file", "Le fichier n'a pas pu être reçu.")));
    }

    @ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e) {
        return respond(HttpStatus.BAD_REQUEST, "Le fichier « " + e.getRequestPartName() + " » est obligatoire.");
    }

    // --- end of uploads ---

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "Cette opération n'est pas permise sur cette adresse.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "Cette adresse n'existe pas.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return respond(HttpStatus.FORBIDDEN, "Vous n'avez pas accès à cette ressource.");
    }

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ResponseEntity<ApiError> unauthenticated(AuthenticationCredentialsNotFoundException e) {
        return respond(HttpStatus.UNAUTHORIZED, "Vous devez vous connecter.");
    }

    /**
     * The engine's "task … doesn't exist" when someone else completed the task between our read and
     * our write (two experts on one list): a race the person resolves by reloading, not a fault.
     */
    @ExceptionHandler({
        TaskAlreadyClaimedException.class,
        OptimisticLockingException.class,
        org.camunda.bpm.engine.exception.NullValueException.class
    })
    ResponseEntity<ApiError> concurrent(RuntimeException e) {
        return respond(
                HttpStatus.CONFLICT, "Cette tâche vient d'être traitée par quelqu'un d'autre. Rechargez la page.");
    }

    // file uploads (multipart): too large, the file part missing, a body that is no multipart at all
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("Unexpected error on an API call", e);
        return respond(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Une erreur inattendue est survenue ; rien n'a été perdu. Réessayez dans un instant.");
    }

    private static ResponseEntity<ApiError> respond(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ApiError.of(status, message));
    }
}
