package org.discourseatlas.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a transcript's body into speaker turns at the labels that open a paragraph: "Question:",
 * "Sergey Lavrov:", "Moderator:", "Question (via interpreter):". A paragraph without a label
 * continues the current turn.
 *
 * <p>Role: question and moderator come from the label; a named speaker answers when the exchange
 * is in questions and answers (a question came since the last moderator turn), and otherwise makes
 * a statement (opening remarks).
 */
public final class TurnSegmenter {
  private static final Set<String> QUESTION_LABELS =
      Set.of("question", "q", "journalist", "reporter", "correspondent", "media");
  private static final Set<String> MODERATOR_LABELS =
      Set.of("moderator", "host", "chair", "chairman", "chairperson", "presenter", "facilitator");
  /** Single-word labels that are not a role are not trusted: "Firstly:" opens a sentence. */
  private static final Set<String> OTHER_ONE_WORD_LABELS = Set.of("answer", "a", "interpreter");

  /** A capitalised word of a name or title: "Sergey", "O’Brian", "Jean-Claude", "Dr.". */
  private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’.\\-]*";
  /** Lowercase name particles, alone ("Staffan de Mistura") or hyphenated ("Walid al-Muallem"). */
  private static final String PARTICLE =
      "(?:al|el|ad|as|ash|at|ibn|bin|de|da|di|du|dos|del|van|von|der|den|le|la)";

  /**
   * A label: one to six words of a name (a title such as "Deputy Minister" included), the first
   * capitalised, an optional parenthesis ("(via interpreter)"), a colon, then the words.
   */
  private static final Pattern LABEL =
      Pattern.compile(
          "^(" + NAME_WORD + "(?:\\s+(?:" + NAME_WORD + "|" + PARTICLE + "(?:-" + NAME_WORD + ")?)){0,5})"
              + "\\s*(\\([^()]{1,40}\\))?\\s*:\\s*(.*)$",
          Pattern.DOTALL);

  private TurnSegmenter() {}

  /** The turns of a body given as paragraphs (lines); blank lines are ignored. */
  public static List<Turn> segment(List<String> paragraphs) {
    List<Turn> turns = new ArrayList<>();
    String speaker = null;
    SpeakerRole role = SpeakerRole.STATEMENT;
    StringBuilder text = new StringBuilder();
    boolean inQuestionsAndAnswers = false;
    for (String raw : paragraphs) {
      String paragraph = TextNormalizer.spaces(raw).strip();
      if (paragraph.isEmpty()) {
        continue;
      }
      Matcher label = LABEL.matcher(paragraph);
      if (label.matches() && isSpeakerLabel(label.group(1))) {
        flush(turns, speaker, role, text);
        speaker = label.group(1).strip();
        String key = speaker.toLowerCase(Locale.ROOT);
        if (QUESTION_LABELS.contains(key)) {
          role = SpeakerRole.QUESTION;
          inQuestionsAndAnswers = true;
        } else if (MODERATOR_LABELS.contains(key)) {
          role = SpeakerRole.MODERATOR;
          inQuestionsAndAnswers = false;
        } else {
          role = inQuestionsAndAnswers ? SpeakerRole.ANSWER : SpeakerRole.STATEMENT;
        }
        paragraph = label.group(3).strip();
        if (paragraph.isEmpty()) {
          continue;
        }
      }
      if (text.length() > 0) {
        // A blank line between paragraphs: the sentence splitter never joins across it.
        text.append("\n\n");
      }
      text.append(paragraph);
    }
    flush(turns, speaker, role, text);
    return turns;
  }

  /** Whether a paragraph opens with a speaker label ("Sergey Lavrov: ..."). */
  public static boolean startsWithSpeakerLabel(String paragraph) {
    Matcher label = LABEL.matcher(TextNormalizer.spaces(paragraph).strip());
    return label.matches() && isSpeakerLabel(label.group(1));
  }

  private static boolean isSpeakerLabel(String label) {
    String key = label.strip().toLowerCase(Locale.ROOT);
    if (!key.contains(" ")) {
      return QUESTION_LABELS.contains(key)
          || MODERATOR_LABELS.contains(key)
          || OTHER_ONE_WORD_LABELS.contains(key);
    }
    return true;
  }

  private static void flush(List<Turn> turns, String speaker, SpeakerRole role, StringBuilder text) {
    if (text.length() > 0) {
      turns.add(new Turn(speaker, role, text.toString()));
      text.setLength(0);
    }
  }
}
