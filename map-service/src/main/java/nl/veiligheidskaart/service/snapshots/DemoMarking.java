package nl.veiligheidskaart.service.snapshots;

import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.tiles.page.Watermark;
import org.springframework.stereotype.Component;

/**
 * Whether the store holds demonstration data, and how outputs then say so: a DEMODATA watermark on
 * every snapshot and briefing page, "demodata" as their source, and a banner in the viewer. Synthetic
 * figures must never pass for real ones in a briefing.
 */
@Component
public class DemoMarking {

  static final Watermark DEMO = new Watermark("DEMODATA",
      "Bron: demodata – verzonnen incidenten en risicolocaties, geen echte cijfers");

  private final IncidentReadModel incidents;

  DemoMarking(IncidentReadModel incidents) {
    this.incidents = incidents;
  }

  public boolean loaded() {
    return incidents.containsDemo();
  }

  /** The watermark for every page, or null when the store holds real data only. */
  public Watermark watermark() {
    return loaded() ? DEMO : null;
  }

  /** The source line of a snapshot or briefing: the configured one, or "demodata" while demo data is loaded. */
  public String source(String configured) {
    return loaded() ? DEMO.sourceLine() + "; grenzen: CBS/Kadaster (PDOK)" : configured;
  }
}
