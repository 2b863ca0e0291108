package nl.veiligheidskaart.service.intake;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import nl.veiligheidskaart.geodata.io.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a CSV file with a header row, one {@link SourceRow} at a time, with the
 * physical line each record starts on, so an error can point at the line an editor shows.
 */
final class CsvRows implements Iterator<SourceRow>, Closeable {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setTrim(true).get();

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private CSVRecord pending;
  private long pendingLine;

  CsvRows(InputStream in) {
    try {
      parser = CSVParser.builder().setReader(new InputStreamReader(withoutByteOrderMark(in), StandardCharsets.UTF_8))
          .setFormat(FORMAT).get();
    } catch (IOException | RuntimeException e) {
      throw new ImportFileException(1, null, "the header row cannot be read: " + rootMessage(e));
    }
    header = parser.getHeaderNames().stream().map(name -> CsvCells.unescape(name).toLowerCase(Locale.ROOT)).toList();
    if (header.isEmpty()) {
      throw new ImportFileException(1, null, "the file is empty; expected a header row");
    }
    if (header.stream().anyMatch(name -> name.chars().anyMatch(c -> c == '\uFFFD' || Character.isISOControl(c)))) {
      throw new ImportFileException(1, null, "the header row is not valid UTF-8 text (save the file as UTF-8)");
    }
    records = parser.iterator();
  }

  /** The column names, lower case, in file order. */
  List<String> header() {
    return header;
  }

  /** Fails the file when a column it must have is missing. */
  void require(String... columns) {
    for (String column : columns) {
      if (!header.contains(column)) {
        throw new ImportFileException(1, column, "the header has no column '" + column + "'; found "
            + String.join(",", header));
      }
    }
  }

  @Override
  public boolean hasNext() {
    if (pending == null) {
      // The parser's iterator reads a record ahead, so the line must be taken before asking it.
      long lineBefore = parser.getCurrentLineNumber();
      try {
        if (records.hasNext()) {
          pending = records.next();
          pendingLine = lineBefore + 1;
        }
      } catch (UncheckedIOException | IllegalStateException e) {
        throw new ImportFileException(lineBefore + 1, null, "not valid CSV: " + rootMessage(e));
      }
    }
    return pending != null;
  }

  @Override
  public SourceRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CSVRecord record = pending;
    pending = null;
    if (record.size() != header.size()) {
      return SourceRow.malformed(pendingLine, "the row has " + record.size() + " fields where the header has "
          + header.size());
    }
    Map<String, String> values = new HashMap<>(header.size() * 2);
    for (int i = 0; i < header.size(); i++) {
      // our exports quote what a spreadsheet would run as a formula: take that quote off again
      String value = CsvCells.unescape(record.get(i));
      if (!value.isEmpty()) {
        values.putIfAbsent(header.get(i), value);
      }
    }
    return SourceRow.of(pendingLine, values, null);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(3);
    byte[] start = buffered.readNBytes(3);
    if (!(start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF)) {
      buffered.reset();
    }
    return buffered;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
