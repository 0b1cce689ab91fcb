package org.discourseatlas.terms;

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
