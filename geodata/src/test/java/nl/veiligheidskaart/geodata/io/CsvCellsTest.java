package nl.veiligheidskaart.geodata.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

  /** Value, then the cell it is exported as. */
  private static final String[][] CASES = {
      {"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
      {"+31 6 12345678", "'+31 6 12345678"},
      {"-geen-", "'-geen-"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tcmd", "'\tcmd"},
      {"\rcmd", "'\rcmd"},
      {"'=al gequote", "''=al gequote"},
      {"raam geforceerd", "raam geforceerd"},
      {"it's fine", "it's fine"},
      {"'quote alone", "'quote alone"},
      {"", ""}};

  @Test
  void formulasGetAQuoteAndComeBackUnchanged() {
    for (String[] value : CASES) {
      assertThat(CsvCells.escape(value[0])).as(value[0]).isEqualTo(value[1]);
      assertThat(CsvCells.unescape(value[1])).as(value[1]).isEqualTo(value[0]);
    }
    assertThat(CsvCells.escape(null)).isNull();
    assertThat(CsvCells.unescape(null)).isNull();
  }
}
