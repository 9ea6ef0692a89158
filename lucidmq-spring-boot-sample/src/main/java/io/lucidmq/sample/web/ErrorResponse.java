package io.lucidmq.sample.web;

import org.springframework.http.HttpStatus;

/**
 * The JSON body of an error response.
 *
 * @param status the HTTP status code
 * @param error the reason phrase of the status, such as {@code Bad Request}
 * @param field the path of the invalid field, such as {@code value} or {@code [2].host}; null
 *     when the error is not about one field
 * @param message what is wrong and what is allowed
 */
public record ErrorResponse(int status, String error, String field, String message) {

    /** Creates a response for {@code status}. */
    public static ErrorResponse of(HttpStatus status, String field, String message) {
        return new ErrorResponse(status.value(), status.getReasonPhrase(), field, message);
    }
}
