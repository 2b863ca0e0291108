package nl.veiligheidskaart.service.hotspots;

import nl.veiligheidskaart.service.api.InvalidParameterException;

/**
 * The selection holds too few incidents for the grid's scale to be chosen from the data: a request
 * must give {@code cellSize}; the hotspot map layer shows no cells.
 */
public class TooFewIncidentsException extends InvalidParameterException {

  public TooFewIncidentsException(int incidents) {
    super("cellSize", "too few incidents to choose a cell size (" + incidents + "); give cellSize");
  }
}
