package org.tandem.content.delivery;

/** A content its channel did not accept: the job fails, the engine retries, then shows an incident. */
class DeliveryFailedException extends RuntimeException {
    DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
