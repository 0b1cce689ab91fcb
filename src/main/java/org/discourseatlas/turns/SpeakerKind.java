package org.discourseatlas.turns;

import java.util.Locale;

/** Who a speaker is in the exchange, whatever the turn does. */
public enum SpeakerKind {
  /** Speaks for a government or an organisation: a minister, a spokesperson, "A:". */
  OFFICIAL,
  /** Asks from the floor: "Question:", an outlet ("Reuters:"), a person with an outlet. */
  JOURNALIST,
  /** Chairs the press conference: "Moderator:", "Host:". */
  MODERATOR,
  /** Renders another speaker's words: "Interpreter:", "Interpretation:". */
  INTERPRETER,
  /** The text names no speaker, and the title and opening name no official either. */
  UNKNOWN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
