package nl.veiligheidskaart.service.web;

import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.api.ClientGoneException;
import nl.veiligheidskaart.service.api.ConflictException;
import nl.veiligheidskaart.service.api.DeadlineExceededException;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.security.SignInThrottledException;
import nl.veiligheidskaart.service.store.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures into RFC 9457 problem+json. Client errors name the parameter at fault; server
 * errors say only that something went wrong (the details go to the log, never to the client).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail invalidParameter(InvalidParameterException e) {
    return badRequest(e.parameter(), e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return badRequest(e.getName(), "'" + e.getValue() + "' is not a valid value for " + e.getName());
  }

  /** A query parameter that does not fit its type in a parameter record (e.g. {@code cellSize=abc}). */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    FieldError error = e.getBindingResult().getFieldError();
    String name = error == null ? e.getParameter().getParameterName() : error.getField();
    Object value = error == null ? null : error.getRejectedValue();
    return ResponseEntity.badRequest().body(badRequest(name, "'" + value + "' is not a valid value for " + name));
  }

  /** Refused by a check finer than the URL rules (e.g. a municipality asking about another). */
  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
  }

  /** Too many failed sign-ins (here: guesses of the current password) for the account or from the address. */
  @ExceptionHandler(SignInThrottledException.class)
  ResponseEntity<ProblemDetail> throttled(SignInThrottledException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  /** Work stopped at the server's deadline: the service is fine, this request was too large for it. */
  @ExceptionHandler(DeadlineExceededException.class)
  ResponseEntity<ProblemDetail> pastDeadline(DeadlineExceededException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
  }

  /** Work stopped because its client hung up: nobody reads this, the audit trail records the 499. */
  @ExceptionHandler(ClientGoneException.class)
  ResponseEntity<ProblemDetail> clientGone(ClientGoneException e) {
    log.info("Stopped work for a client that hung up");
    return ResponseEntity.status(ClientGoneException.STATUS)
        .body(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(ClientGoneException.STATUS), e.getMessage()));
  }

  /**
   * A multipart body the container cannot parse (e.g. a NUL byte in the file name); an upload that
   * is too large is a more specific exception, answered 413 by the base class.
   */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableUpload(MultipartException e) {
    return badRequest("file", "the upload is not a readable multipart/form-data body with a plain file name");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseFailures.unreachable(e)) {
      log.warn("Database unreachable: {}", e.getMessage());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
              "The database cannot be reached just now; nothing was changed. Try again in a little while."));
    }
    log.error("Unexpected failure", e);
    return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
        HttpStatus.INTERNAL_SERVER_ERROR, "The service could not answer this request; the error has been logged."));
  }

  /** A 400 whose {@code invalidParams} member names the field, as RFC 9457's example does. */
  static ProblemDetail badRequest(String parameter, String reason) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
    problem.setProperty("invalidParams", List.of(Map.of("name", parameter, "reason", reason)));
    return problem;
  }
}
