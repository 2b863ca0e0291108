package nl.veiligheidskaart.service.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read and tells the progress listener every 256 kB. */
final class ProgressInputStream extends FilterInputStream {

  private static final long STEP = 1 << 18;

  private final ImportProgress progress;
  private long read;
  private long reported;

  ProgressInputStream(InputStream in, ImportProgress progress) {
    super(in);
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    progress.bytesRead(read);
    super.close();
  }

  private void count(int n) {
    read += n;
    if (read - reported >= STEP) {
      reported = read;
      progress.bytesRead(read);
    }
  }
}
