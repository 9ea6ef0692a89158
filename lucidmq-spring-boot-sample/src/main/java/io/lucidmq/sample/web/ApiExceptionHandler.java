package io.lucidmq.sample.web;

import io.lucidmq.sample.reading.InvalidReadingException;
import io.lucidmq.sample.reading.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the sample's exceptions to JSON error responses. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Returns 400 naming the invalid field. */
    @ExceptionHandler(InvalidReadingException.class)
    ResponseEntity<ErrorResponse> invalidReading(InvalidReadingException e) {
        return respond(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
    }

    /** Returns 404 for an unknown series. */
    @ExceptionHandler(SeriesNotFoundException.class)
    ResponseEntity<ErrorResponse> seriesNotFound(SeriesNotFoundException e) {
        return respond(HttpStatus.NOT_FOUND, null, e.getMessage());
    }

    /** Returns 415 naming the content type that is accepted. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorResponse> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        String found = e.getContentType() == null ? "missing" : "" + e.getContentType();
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null,
                "Content-Type must be application/json, but was " + found);
    }

    /** Returns 503: the readings may not be stored, and the client should retry. */
    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ErrorResponse> publishFailed(PublishFailedException e) {
        logger.error("Rejected a POST /readings: {}", e.getMessage(), e);
        return respond(HttpStatus.SERVICE_UNAVAILABLE, null, e.getMessage());
    }

    private static ResponseEntity<ErrorResponse> respond(HttpStatus status, String field,
            String message) {
        return ResponseEntity.status(status).body(ErrorResponse.of(status, field, message));
    }
}
