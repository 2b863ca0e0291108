package nl.veiligheidskaart.service.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem+json answer from a servlet filter, where Spring MVC's exception
 * handling does not reach (sign-in, request limits): the same shape as the controllers' errors.
 */
public final class ProblemJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemJson() {
  }

  public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(problem));
  }
}
