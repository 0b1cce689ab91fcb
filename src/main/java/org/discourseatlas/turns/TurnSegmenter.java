package org.discourseatlas.turns;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.discourseatlas.text.TextNormalizer;

/**
 * Splits a transcript's body into speaker turns at the labels that open a paragraph ({@link
 * SpeakerLabel}: "Question:", "Q:", "Sergey Lavrov:", "Reuters:", "Moderator:", "MR. PRICE:"). A
 * paragraph without a label continues the current turn; text before the first label is a turn of
 * its own, by the document's official when the title names one ({@link DocumentOfficial}).
 *
 * <p>Role, from the exchange: a journalist's turn is a question, a moderator's is procedural, and
 * anyone else answers when a question has been asked since the last moderator turn and otherwise
 * makes a statement (opening remarks). Configured {@link SpeakerLabelRule}s override the role of
 * the speakers they match.
 */
public final class TurnSegmenter {
  private TurnSegmenter() {}

  /**
   * The version of the built-in speaker and role rules. It is part of the ingest fingerprint, so a
   * refresh after a change of these rules analyses every document again: bump it with any change
   * that can give a turn another speaker, kind or role.
   */
  public static final int RULES_VERSION = 2;

  /** The turns of a body given as paragraphs (lines); blank lines are ignored. */
  public static List<Turn> segment(List<String> paragraphs) {
    return segment(null, paragraphs, List.of(), DefaultOutlets.OUTLETS);
  }

  /** As {@link #segment(String, List, List, Outlets)} without a title and with shipped outlets. */
  public static List<Turn> segment(List<String> paragraphs, List<SpeakerLabelRule> rules) {
    return segment(null, paragraphs, rules, DefaultOutlets.OUTLETS);
  }

  /**
   * The turns of a body given as paragraphs (lines), with configured roles: the first rule whose
   * pattern matches a turn's speaker decides its role (null or empty: the built-in roles only).
   *
   * <p>Who speaks: a label's name; for "A:", "Answer:" and the unlabelled opening, the official the
   * title or the opening names ({@link DocumentOfficial}). What kind of speaker: a question label,
   * an outlet ("Reuters:") or a person with an outlet is a journalist; a moderator or an
   * interpreter label says so; any other label is an official's. The role comes from the exchange:
   * a journalist asks, a moderator is procedural, and anyone else answers when a question has been
   * asked since the last moderator turn and otherwise makes a statement.
   *
   * @param title the document's title, or null
   */
  public static List<Turn> segment(
      String title, List<String> paragraphs, List<SpeakerLabelRule> rules, Outlets outlets) {
    List<Pattern> rulePatterns = new ArrayList<>();
    List<SpeakerRole> ruleRoles = new ArrayList<>();
    if (rules != null) {
      for (SpeakerLabelRule rule : rules) {
        rulePatterns.add(rule.compiled());
        ruleRoles.add(rule.role());
      }
    }
    // Each paragraph's label read once: the opening's official depends on whether any opens an
    // exchange, and the turns are split at them.
    List<String> texts = new ArrayList<>(paragraphs.size());
    List<SpeakerLabel.Label> labels = new ArrayList<>(paragraphs.size());
    for (String raw : paragraphs) {
      String paragraph = TextNormalizer.spaces(raw).strip();
      if (!paragraph.isEmpty()) {
        texts.add(paragraph);
        labels.add(SpeakerLabel.parse(paragraph, outlets));
      }
    }
    DocumentOfficial official =
        DocumentOfficial.of(title, isDialogue(labels) && !texts.isEmpty() ? texts.get(0) : null);
    List<Turn> turns = new ArrayList<>();
    Speaker current = Speaker.unlabelled(official);
    SpeakerRole role = SpeakerRole.STATEMENT;
    StringBuilder text = new StringBuilder();
    boolean inQuestionsAndAnswers = false;
    for (int p = 0; p < texts.size(); p++) {
      String paragraph = texts.get(p);
      SpeakerLabel.Label label = labels.get(p);
      if (label != null) {
        flush(turns, current, role, text);
        current = label.speaker(official, outlets);
        role = current.role(inQuestionsAndAnswers);
        if (current.name() != null) {
          for (int i = 0; i < rulePatterns.size(); i++) {
            if (rulePatterns.get(i).matcher(current.name()).matches()) {
              role = ruleRoles.get(i);
              break;
            }
          }
        }
        if (role == SpeakerRole.QUESTION) {
          inQuestionsAndAnswers = true;
        } else if (role == SpeakerRole.MODERATOR) {
          inQuestionsAndAnswers = false;
        }
        paragraph = label.rest();
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
    flush(turns, current, role, text);
    return turns;
  }

  /**
   * Whether a paragraph opens with a label of an exchange: a question (a question word, an outlet,
   * a person with an outlet), an answer ("A:") or a moderator. Only a dialogue's opening introduces
   * its official ("Spokesperson Hua Chunying opened the briefing"); a speech's opening names whom
   * it greets or quotes ("... Foreign Minister Hennadiy Udovenko, on his election"), and a quote
   * inside it ("Antoine de Saint-Exupéry: ...") makes no dialogue.
   */
  private static boolean isDialogue(List<SpeakerLabel.Label> labels) {
    for (SpeakerLabel.Label label : labels) {
      if (label != null && label.opensAnExchange()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Who speaks a turn and what kind of speaker they are.
   *
   * @param name the speaker (null: not stated)
   * @param answers whether the label itself says the turn answers ("A:", "Answer:")
   */
  record Speaker(String name, SpeakerKind kind, String affiliation, boolean answers) {
    static Speaker unlabelled(DocumentOfficial official) {
      return official.name() == null
          ? new Speaker(null, SpeakerKind.UNKNOWN, null, false)
          : new Speaker(official.name(), SpeakerKind.OFFICIAL, official.office(), false);
    }

    SpeakerRole role(boolean inQuestionsAndAnswers) {
      switch (kind) {
        case JOURNALIST:
          return SpeakerRole.QUESTION;
        case MODERATOR:
          return SpeakerRole.MODERATOR;
        default:
          return answers || inQuestionsAndAnswers ? SpeakerRole.ANSWER : SpeakerRole.STATEMENT;
      }
    }
  }

  /** Whether a paragraph opens with a speaker label ("Sergey Lavrov: ..."); shipped outlets. */
  public static boolean startsWithSpeakerLabel(String paragraph) {
    return paragraph != null
        && SpeakerLabel.parse(TextNormalizer.spaces(paragraph).strip(), DefaultOutlets.OUTLETS)
            != null;
  }

  /** The shipped outlets, for callers that have no configuration (title and boilerplate checks). */
  private static final class DefaultOutlets {
    static final Outlets OUTLETS = Outlets.shippedPlus(List.of());
  }

  private static void flush(
      List<Turn> turns, Speaker speaker, SpeakerRole role, StringBuilder text) {
    if (text.length() > 0) {
      turns.add(
          new Turn(speaker.name(), speaker.kind(), speaker.affiliation(), role, text.toString()));
      text.setLength(0);
    }
  }
}
