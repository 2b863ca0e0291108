package nl.veiligheidskaart.service.api;

import java.util.List;

/** The waterbed check for every municipality, each as the target with its neighbours as buffer. */
public record DisplacementOverview(DisplacementResult.Periods periods, List<Row> municipalities) {

  /**
   * @param flag {@code displacement} or {@code diffusion} where the target improved against its
   *     control and the buffer's WDD is significant at 90 % (up or down), else null
   */
  public record Row(String code, String name, long before, long after, long change, long neighboursBefore,
      long neighboursAfter, long neighboursChange, Double wdd, Double wddZ, Double wdq, Double bufferWddZ,
      String flag) {
  }
}
