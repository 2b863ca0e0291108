package nl.veiligheidskaart.service.audit;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * A response whose body is held back until its audit entry is stored, so that no answer leaves
 * the service unaudited: when the entry cannot be stored, the held answer is replaced by an error.
 * A body larger than {@code maxHeldBytes} (a large export) is released once that much is written,
 * and its entry is stored at that moment, before the first byte goes out. A redirect (a sign-in's
 * or sign-out's) is held the same way.
 */
final class HeldResponse extends HttpServletResponseWrapper {

  /** Stores the audit entry of the answer so far; throws when it cannot. */
  interface AuditStore {
    void store(HeldResponse response);
  }

  private final int maxHeldBytes;
  private final AuditStore audit;
  private final ByteArrayOutputStream held = new ByteArrayOutputStream();
  private long bytesWritten;
  private boolean released;
  private ServletOutputStream stream;
  private PrintWriter writer;
  private String redirect;
  private int redirectStatus;

  HeldResponse(HttpServletResponse response, int maxHeldBytes, AuditStore audit) {
    super(response);
    this.maxHeldBytes = maxHeldBytes;
    this.audit = audit;
  }

  /** The body's size so far (all of it once the chain is done). */
  long bytesWritten() {
    return bytesWritten;
  }

  /** Whether the body went out before the chain was done (the entry was stored then). */
  boolean released() {
    return released;
  }

  /**
   * Stores the entry (if not yet done) and sends what was held. When the entry cannot be stored
   * and nothing went out yet, the client gets a 503 instead of the answer; the failure is rethrown.
   */
  void finish() throws IOException {
    if (writer != null) {
      writer.flush();
    }
    if (!released) {
      release();
    }
    if (redirect != null) {
      sendOn(redirect, redirectStatus);
      redirect = null;
    }
    sendHeld();
  }

  /** Stores the entry; only then may the answer go out. */
  private void release() {
    audit.store(this);
    released = true;
  }

  /** Drops the held answer for the error of a failed audit; false when the answer already went out. */
  boolean replaceWithError() {
    if (getResponse().isCommitted()) {
      return false;
    }
    redirect = null;
    resetBuffer();
    return true;
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    sendRedirect(location, SC_FOUND, true);
  }

  @Override
  public void sendRedirect(String location, boolean clearBuffer) throws IOException {
    sendRedirect(location, SC_FOUND, clearBuffer);
  }

  @Override
  public void sendRedirect(String location, int status) throws IOException {
    sendRedirect(location, status, true);
  }

  /** Held like a body: the redirect goes out once the entry is stored. */
  @Override
  public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
    if (released) {
      sendOn(location, status);
      return;
    }
    held.reset();
    redirect = location;
    redirectStatus = status;
  }

  /**
   * A 302 goes on in the one-argument form: the wrapper of Spring Session (sessions in the store)
   * sees only that form, and writes the session cookie of a sign-in when it sees it.
   */
  private void sendOn(String location, int status) throws IOException {
    HttpServletResponse response = (HttpServletResponse) getResponse();
    if (status == SC_FOUND) {
      response.sendRedirect(location);
    } else {
      response.sendRedirect(location, status, true);
    }
  }

  @Override
  public int getStatus() {
    return redirect != null ? redirectStatus : super.getStatus();
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (stream == null) {
      stream = new HoldingStream();
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      String encoding = getCharacterEncoding();
      writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
          encoding == null ? Charset.forName("ISO-8859-1") : Charset.forName(encoding)));
    }
    return writer;
  }

  /** Held answers are not flushed: flushing would commit them before their audit entry is stored. */
  @Override
  public void flushBuffer() throws IOException {
    if (released) {
      sendHeld();
      super.flushBuffer();
    }
  }

  @Override
  public boolean isCommitted() {
    return released || redirect != null || super.isCommitted();
  }

  @Override
  public void resetBuffer() {
    held.reset();
    super.resetBuffer();
  }

  @Override
  public void reset() {
    held.reset();
    super.reset();
  }

  private void write(byte[] bytes, int offset, int length) throws IOException {
    bytesWritten += length;
    if (!released && held.size() + length > maxHeldBytes) {
      release();
    }
    if (released) {
      sendHeld();
      getResponse().getOutputStream().write(bytes, offset, length);
    } else {
      held.write(bytes, offset, length);
    }
  }

  private void sendHeld() throws IOException {
    if (held.size() > 0) {
      held.writeTo(getResponse().getOutputStream());
      held.reset();
    }
  }

  private final class HoldingStream extends ServletOutputStream {

    @Override
    public void write(int b) throws IOException {
      HeldResponse.this.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      HeldResponse.this.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      flushBuffer();
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("answers are written blocking");
    }
  }
}
