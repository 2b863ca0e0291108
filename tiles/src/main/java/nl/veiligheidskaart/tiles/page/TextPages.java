package nl.veiligheidskaart.tiles.page;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Pages of text for briefing packs — headings, paragraphs and tables — in the font and with the
 * marking of the map pages. Blocks flow onto as many pages as they need; a table goes on with
 * its header repeated.
 */
public final class TextPages {

  /** Something to put on a text page. */
  public sealed interface Block {
  }

  public record Heading(String text) implements Block {
  }

  public record Paragraph(String text) implements Block {
  }

  /** Columns share the width by {@code widths} (relative); the first column is left-aligned, the rest right. */
  public record Table(List<String> header, List<List<String>> rows, double[] widths) implements Block {
  }

  private static final float LINE = 13;
  private static final float ROW = 14;
  private static final float BODY = 9.5f;

  private TextPages() {
  }

  /** Adds pages to the document until every block is placed; returns how many pages it took. */
  public static int addTo(PDDocument document, PageFormat page, String marking, Watermark watermark,
      List<Block> blocks) throws IOException {
    Layout layout = new Layout(page, marking, watermark);
    // Lay out with measurements from a throwaway image, then draw each page's runs into its PDF page.
    Graphics2D measure = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      layout.run(measure, blocks);
    } finally {
      measure.dispose();
    }
    for (List<Drawing> onPage : layout.pages) {
      MapPage.addPdfPage(document, page, graphics -> {
        layout.frame(graphics);
        onPage.forEach(drawing -> drawing.draw(graphics));
      });
    }
    return layout.pages.size();
  }

  private interface Drawing {
    void draw(Graphics2D graphics);
  }

  /** Places blocks top to bottom, opening a new page when the next line would not fit. */
  private static final class Layout {
    private final PageFormat page;
    private final String marking;
    private final Watermark watermark;
    private final float left = MapPage.MARGIN;
    private final float right;
    private final float bottom;
    private final List<List<Drawing>> pages = new ArrayList<>();
    private float y;

    Layout(PageFormat page, String marking, Watermark watermark) {
      this.page = page;
      this.marking = marking;
      this.watermark = watermark;
      this.right = page.width() - MapPage.MARGIN;
      this.bottom = page.height() - MapPage.MARGIN - (watermark == null ? 10 : 22);
      newPage();
    }

    void frame(Graphics2D graphics) {
      float markingX = page.width() / 2 - MapPage.width(graphics, marking, 9) / 2;
      MapPage.text(graphics, marking, 9, MapPage.MARKING, markingX, MapPage.MARGIN - 8);
      MapPage.text(graphics, marking, 9, MapPage.MARKING, markingX, page.height() - MapPage.MARGIN / 2);
      if (watermark != null) {
        MapPage.text(graphics, watermark.sourceLine(), 8, MapPage.TEXT, left, page.height() - MapPage.MARGIN - 6);
        MapPage.watermark(graphics, page, watermark);
      }
    }

    private void newPage() {
      pages.add(new ArrayList<>());
      y = MapPage.MARGIN + 14;
    }

    private void ensure(float height) {
      if (y + height > bottom) {
        newPage();
      }
    }

    private void add(Drawing drawing) {
      pages.get(pages.size() - 1).add(drawing);
    }

    void run(Graphics2D measure, List<Block> blocks) {
      for (Block block : blocks) {
        if (block instanceof Heading heading) {
          ensure(40);
          y += 20;
          float at = y;
          add(graphics -> MapPage.text(graphics, heading.text(), 15, MapPage.TEXT, left, at));
          y += 8;
        } else if (block instanceof Paragraph paragraph) {
          for (String line : wrap(measure, paragraph.text(), right - left)) {
            ensure(LINE);
            y += LINE;
            float at = y;
            add(graphics -> MapPage.text(graphics, line, BODY, MapPage.TEXT, left, at));
          }
          y += 5;
        } else if (block instanceof Table table) {
          table(table);
        }
      }
    }

    private void table(Table table) {
      double total = 0;
      for (double width : table.widths()) {
        total += width;
      }
      float[] columns = new float[table.widths().length + 1];
      columns[0] = left;
      for (int c = 0; c < table.widths().length; c++) {
        columns[c + 1] = columns[c] + (float) ((right - left) * table.widths()[c] / total);
      }
      ensure(2 * ROW);
      row(table.header(), columns, true);
      for (List<String> cells : table.rows()) {
        if (y + ROW > bottom) {
          newPage();
          row(table.header(), columns, true);
        }
        row(cells, columns, false);
      }
      y += 8;
    }

    /** A header cell too wide for its column goes on two lines. */
    private void row(List<String> cells, float[] columns, boolean header) {
      y += header ? ROW + 9 : ROW;
      float at = y;
      add(graphics -> {
        for (int c = 0; c < cells.size(); c++) {
          float size = header ? 8f : BODY;
          float room = columns[c + 1] - columns[c] - 6;
          List<String> lines = header ? headerLines(graphics, cells.get(c), size, room) : List.of(cells.get(c));
          for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l);
            float x = c == 0 ? columns[c] + 2 : columns[c + 1] - 4 - MapPage.width(graphics, line, size);
            MapPage.text(graphics, line, size, MapPage.TEXT, x, at - 9 * (lines.size() - 1 - l));
          }
        }
        graphics.setPaint(header ? MapPage.TEXT : new Color(0xdd, 0xdd, 0xdd));
        graphics.setStroke(new BasicStroke(header ? 0.8f : 0.4f));
        graphics.draw(new Line2D.Float(columns[0], at + 4, columns[columns.length - 1], at + 4));
      });
    }

    private static List<String> headerLines(Graphics2D graphics, String text, float size, float room) {
      if (MapPage.width(graphics, text, size) <= room || !text.contains(" ")) {
        return List.of(text);
      }
      String[] words = text.split(" ");
      StringBuilder first = new StringBuilder(words[0]);
      int next = 1;
      while (next < words.length - 1 && MapPage.width(graphics, first + " " + words[next], size) <= room) {
        first.append(' ').append(words[next++]);
      }
      return List.of(first.toString(), String.join(" ", Arrays.copyOfRange(words, next, words.length)));
    }

    private static List<String> wrap(Graphics2D measure, String text, float width) {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && MapPage.width(measure, candidate, BODY) > width) {
          lines.add(line.toString());
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(candidate);
        }
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
      }
      return lines;
    }
  }
}
