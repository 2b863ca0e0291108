package nl.veiligheidskaart.service.incidents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source ids of the indexed incidents in six bytes each instead of a String apiece: an id is
 * a prefix and a zero-padded number (DEMO-I-000042: "DEMO-I-" and 42 in six digits), the prefix
 * and width held once in a small dictionary. Ids without trailing digits, or beyond 65 535
 * formats, are kept whole. Immutable once built.
 */
final class SourceIds {

  /** Digits taken into the number at most: 999 999 999 fits an int. */
  private static final int MAX_DIGITS = 9;
  /** The code of an id kept whole; its number is then the id's position in {@link #whole}. */
  private static final char WHOLE = Character.MAX_VALUE;

  /** A prefix and the number of digits after it. */
  private record Format(String prefix, int width) {
  }

  private final char[] codes;
  private final int[] numbers;
  private final List<Format> formats;
  private final List<String> whole;

  private SourceIds(char[] codes, int[] numbers, List<Format> formats, List<String> whole) {
    this.codes = codes;
    this.numbers = numbers;
    this.formats = formats;
    this.whole = whole;
  }

  String get(int incident) {
    char code = codes[incident];
    if (code == WHOLE) {
      return whole.get(numbers[incident]);
    }
    Format format = formats.get(code);
    char[] text = new char[format.prefix().length() + format.width()];
    format.prefix().getChars(0, format.prefix().length(), text, 0);
    int number = numbers[incident];
    for (int at = text.length - 1; at >= format.prefix().length(); at--) {
      text[at] = (char) ('0' + number % 10);
      number /= 10;
    }
    return new String(text);
  }

  /** Compares as {@link String#compareTo} would: ids of one format compare by their numbers. */
  int compare(int a, int b) {
    if (codes[a] == codes[b] && codes[a] != WHOLE) {
      return Integer.compare(numbers[a], numbers[b]);
    }
    return get(a).compareTo(get(b));
  }

  /** The ids in a new order: {@code order[i]} is the incident that becomes incident i. */
  SourceIds permute(int[] order) {
    char[] permutedCodes = new char[order.length];
    int[] permutedNumbers = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      permutedCodes[i] = codes[order[i]];
      permutedNumbers[i] = numbers[order[i]];
    }
    return new SourceIds(permutedCodes, permutedNumbers, formats, whole);
  }

  /** The heap taken, roughly: the per-incident arrays and the ids kept whole. */
  long bytes() {
    return 2L * codes.length + 4L * numbers.length + whole.stream().mapToLong(id -> 56 + id.length()).sum();
  }

  /** Collects ids, encoding each as it comes. */
  static final class Builder {
    private char[] codes = new char[1024];
    private int[] numbers = new int[1024];
    private int size;
    private final List<Format> formats = new ArrayList<>();
    private final Map<Format, Character> formatCodes = new HashMap<>();
    private final List<String> whole = new ArrayList<>();

    Builder() {
    }

    /** A builder holding the ids of an index, in its order, ready for more. */
    Builder(SourceIds ids) {
      codes = Arrays.copyOf(ids.codes, Math.max(1024, ids.codes.length * 2));
      numbers = Arrays.copyOf(ids.numbers, codes.length);
      size = ids.codes.length;
      for (Format format : ids.formats) {
        formatCodes.put(format, (char) formats.size());
        formats.add(format);
      }
      whole.addAll(ids.whole);
    }

    void add(String id) {
      if (size == codes.length) {
        codes = Arrays.copyOf(codes, size * 2);
        numbers = Arrays.copyOf(numbers, size * 2);
      }
      int digits = 0;
      while (digits < MAX_DIGITS && digits < id.length() && isDigit(id.charAt(id.length() - 1 - digits))) {
        digits++;
      }
      Character code = null;
      if (digits > 0) {
        Format format = new Format(id.substring(0, id.length() - digits), digits);
        code = formatCodes.get(format);
        if (code == null && formats.size() < WHOLE) {
          code = (char) formats.size();
          formatCodes.put(format, code);
          formats.add(format);
        }
      }
      if (code == null) {
        codes[size] = WHOLE;
        numbers[size] = whole.size();
        whole.add(id);
      } else {
        codes[size] = code;
        numbers[size] = Integer.parseInt(id, id.length() - digits, id.length(), 10);
      }
      size++;
    }

    SourceIds build() {
      return new SourceIds(Arrays.copyOf(codes, size), Arrays.copyOf(numbers, size), List.copyOf(formats),
          List.copyOf(whole));
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
