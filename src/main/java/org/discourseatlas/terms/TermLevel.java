package org.discourseatlas.terms;

import java.util.ArrayList;
import java.util.List;

/**
 * The groups term frequencies are counted in: each zone (the sentences in its windows) all-time,
 * per month and per speaker role; the whole corpus all-time, per month, per role and per source.
 * Undated documents count only all-time (a null month would read as "all time").
 */
public enum TermLevel {
  ZONE(true, false, false, false),
  ZONE_PERIOD(true, true, false, false),
  ZONE_ROLE(true, false, true, false),
  CORPUS(false, false, false, false),
  CORPUS_PERIOD(false, true, false, false),
  CORPUS_ROLE(false, false, true, false),
  CORPUS_SOURCE(false, false, false, true);

  /** A group a sentence counts in: a level, its zone (null: the corpus) and role (null: all). */
  public record Group(TermLevel level, String zone, String role) {}

  /**
   * Every group a sentence counts in, given the zones whose windows hold it, its speaker role and
   * whether its document has a month (undated documents count only all-time).
   */
  public static List<Group> groupsOf(List<String> zones, String role, boolean dated) {
    List<Group> groups = new ArrayList<>();
    List<String> zonesOrCorpus = new ArrayList<>(zones.size() + 1);
    zonesOrCorpus.add(null);
    zonesOrCorpus.addAll(zones);
    for (String zone : zonesOrCorpus) {
      for (TermLevel level : values()) {
        if (level.byZone() == (zone != null) && !(level.byPeriod() && !dated)) {
          groups.add(new Group(level, zone, level.byRole() ? role : null));
        }
      }
    }
    return groups;
  }

  private final boolean zone;
  private final boolean period;
  private final boolean role;
  private final boolean source;

  TermLevel(boolean zone, boolean period, boolean role, boolean source) {
    this.zone = zone;
    this.period = period;
    this.role = role;
    this.source = source;
  }

  /** Over one zone's sentences (else over the whole corpus's). */
  public boolean byZone() {
    return zone;
  }

  public boolean byPeriod() {
    return period;
  }

  public boolean byRole() {
    return role;
  }

  public boolean bySource() {
    return source;
  }
}
