package org.discourseatlas.zones;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries zones forward within a turn: a sentence that names no zone belongs to the zones of the
 * nearest earlier sentence of the same turn that names one, if that sentence is at most {@code
 * window} sentences back ("Aleppo ... The city's liberation ..."). A sentence that names a zone
 * starts a new window, so the carry stops where another zone is named.
 *
 * <p>This is the rule the Spark stage applies with a window function; this plain form documents it
 * and is what the unit tests pin.
 */
public final class ZoneWindow {
  private ZoneWindow() {}

  /** The zones of each sentence of one turn, given the zones each sentence names. */
  public static List<List<String>> carry(List<List<String>> namedZones, int window) {
    List<List<String>> zones = new ArrayList<>(namedZones.size());
    int lastNaming = -1;
    for (int i = 0; i < namedZones.size(); i++) {
      if (!namedZones.get(i).isEmpty()) {
        lastNaming = i;
        zones.add(namedZones.get(i));
      } else if (lastNaming >= 0 && i - lastNaming <= window) {
        zones.add(namedZones.get(lastNaming));
      } else {
        zones.add(List.of());
      }
    }
    return zones;
  }
}
