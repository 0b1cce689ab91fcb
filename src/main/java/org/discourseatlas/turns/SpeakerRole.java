package org.discourseatlas.turns;

import java.util.Locale;

/** What a speaker turn is doing in the exchange. */
public enum SpeakerRole {
  /** A journalist's question. */
  QUESTION,
  /** A named speaker replying, after a question. */
  ANSWER,
  /** A named or unnamed speaker's opening remarks or statement, not in reply to a question. */
  STATEMENT,
  /** The chair of the press conference giving the floor. */
  MODERATOR;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
