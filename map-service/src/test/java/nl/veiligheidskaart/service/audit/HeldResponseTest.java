package nl.veiligheidskaart.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** No byte of an answer leaves before its audit entry is stored. */
class HeldResponseTest {

  private final MockHttpServletResponse client = new MockHttpServletResponse();
  /** What the client had received each time an entry was stored. */
  private final List<Integer> sentWhenStored = new ArrayList<>();

  @Test
  void aSmallAnswerWaitsForItsEntryAndFlushesDoNotSendIt() throws IOException {
    HeldResponse answer = new HeldResponse(client, 1024, held -> sentWhenStored.add(client.getContentAsByteArray().length));
    answer.getOutputStream().write("{\"features\":[]}".getBytes(StandardCharsets.UTF_8));
    answer.flushBuffer();
    answer.getOutputStream().flush();
    assertThat(client.getContentAsByteArray()).isEmpty();
    assertThat(client.isCommitted()).isFalse();

    answer.finish();

    assertThat(sentWhenStored).containsExactly(0);
    assertThat(client.getContentAsString()).isEqualTo("{\"features\":[]}");
    assertThat(answer.bytesWritten()).isEqualTo(15);
  }

  @Test
  void aLargeAnswerIsAuditedBeforeItsFirstByteGoesOut() throws IOException {
    HeldResponse answer = new HeldResponse(client, 1024, held -> sentWhenStored.add(client.getContentAsByteArray().length));
    for (int i = 0; i < 10; i++) {
      answer.getOutputStream().write(new byte[300]);
    }
    answer.finish();

    assertThat(sentWhenStored).containsExactly(0);
    assertThat(client.getContentAsByteArray()).hasSize(3000);
    assertThat(answer.released()).isTrue();
  }

  @Test
  void whenTheEntryCannotBeStoredTheHeldAnswerIsReplaced() throws IOException {
    HeldResponse answer = new HeldResponse(client, 1024, held -> {
      throw new IllegalStateException("audit database down");
    });
    answer.getWriter().write("geheime cijfers");

    assertThatThrownBy(answer::finish).hasMessage("audit database down");
    assertThat(answer.replaceWithError()).isTrue();
    assertThat(client.getContentAsString()).isEmpty();
  }

  @Test
  void aRedirectIsHeldUntilItsEntryIsStored() throws IOException {
    List<Integer> statusWhenStored = new ArrayList<>();
    HeldResponse answer = new HeldResponse(client, 1024, held -> {
      statusWhenStored.add(held.getStatus());
      sentWhenStored.add(client.getRedirectedUrl() == null ? 0 : 1);
    });
    answer.sendRedirect("/login.html?fout");
    assertThat(client.getRedirectedUrl()).isNull();

    answer.finish();

    assertThat(statusWhenStored).containsExactly(302);
    assertThat(sentWhenStored).containsExactly(0);
    assertThat(client.getRedirectedUrl()).isEqualTo("/login.html?fout");
  }
}
