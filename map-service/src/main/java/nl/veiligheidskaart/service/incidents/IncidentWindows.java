package nl.veiligheidskaart.service.incidents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The incidents that happened in a window rather than at a known moment (an {@code occurred_to},
 * or a date without a time), beside the {@link IncidentIndex}, which knows only each incident's
 * {@code occurred_at}: kept apart so that the index stays as small as it is, and sparse, since most
 * incidents have a moment. 19 bytes per incident held here (category and municipality codes, start
 * and end in epoch milliseconds).
 */
final class IncidentWindows {

  private final List<String> categories = new ArrayList<>();
  private final List<String> municipalities = new ArrayList<>();
  private final Map<String, Integer> categoryCodes = new HashMap<>();
  private final Map<String, Integer> municipalityCodes = new HashMap<>();
  private byte[] category = new byte[64];
  private short[] municipality = new short[64];
  private long[] startMillis = new long[64];
  private long[] endMillis = new long[64];
  private int size;

  void add(String categoryName, String municipalityCode, long start, long end) {
    if (size == category.length) {
      category = Arrays.copyOf(category, size * 2);
      municipality = Arrays.copyOf(municipality, size * 2);
      startMillis = Arrays.copyOf(startMillis, size * 2);
      endMillis = Arrays.copyOf(endMillis, size * 2);
    }
    category[size] = (byte) (int) categoryCodes.computeIfAbsent(categoryName, c -> {
      categories.add(c);
      return categories.size() - 1;
    });
    municipality[size] = (short) (int) municipalityCodes.computeIfAbsent(municipalityCode, c -> {
      municipalities.add(c);
      return municipalities.size() - 1;
    });
    startMillis[size] = start;
    endMillis[size] = end;
    size++;
  }

  int size() {
    return size;
  }

  /**
   * The windows of the selected incidents, with the moments the index gives for the same selection:
   * each window replaces the moment of its start, which the index holds for it.
   *
   * @param moments the selection's occurred_at from the index, ordered
   */
  IncidentTimeWindows withMoments(long[] moments, IncidentQuery query) {
    long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
    long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochMilli();
    long[] starts = new long[moments.length];
    long[] ends = new long[moments.length];
    Map<Long, Integer> replaced = new HashMap<>();
    int count = 0;
    for (int i = 0; i < size; i++) {
      String code = municipalities.get(municipality[i]);
      boolean selected = (query.categories().isEmpty() || query.categories().contains(categories.get(category[i])))
          && (query.municipalities() == null || code != null && query.municipalities().contains(code))
          && startMillis[i] >= from && startMillis[i] < to;
      if (selected) {
        starts[count] = startMillis[i];
        ends[count++] = endMillis[i];
        replaced.merge(startMillis[i], 1, Integer::sum);
      }
    }
    for (long moment : moments) {
      Integer left = replaced.get(moment);
      if (left != null && left > 0) {
        replaced.put(moment, left - 1);
      } else {
        starts[count] = moment;
        ends[count++] = moment;
      }
    }
    return IncidentTimeWindows.sorted(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
  }

  long bytes() {
    return (long) size * (1 + 2 + 8 + 8);
  }
}
