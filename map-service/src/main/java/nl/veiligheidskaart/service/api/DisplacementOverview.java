package nl.veiligheidskaart.service.api;

import java.util.List;

/** The waterbed check for every municipality, each as the target with its neighbours as buffer. */
public record DisplacementOverview(DisplacementResult.Periods periods, List<Row> municipalities) {

  /**
   * @param flag {@code displacement} or {@code diffusion} where the target improved against its
   *     control and the buffer's WDD is significant at 90 % (up or down), else null
   * @param withheld whether the measures are withheld because a count behind them is suppressed for the
   *     reader (counts below the minimum are null)
   */
  public record Row(String code, String name, Long before, Long after, Long change, Long neighboursBefore,
      Long neighboursAfter, Long neighboursChange, Double wdd, Double wddZ, Double wdq, Double bufferWddZ,
      String flag, boolean withheld) {
  }
}
