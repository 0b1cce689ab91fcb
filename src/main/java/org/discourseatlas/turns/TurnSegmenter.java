package org.discourseatlas.turns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.discourseatlas.text.TextNormalizer;

/**
 * Splits a transcript's body into speaker turns at the labels that open a paragraph: "Question:",
 * "Q:", "Sergey Lavrov:", "Moderator:", "Question (via interpreter):", "MR. PRICE:", "SECRETARY
 * BLINKEN:". A paragraph without a label continues the current turn; text before the first label is
 * a statement without a speaker.
 *
 * <p>Speaker: the label without its parenthesis, honorifics ("Mr.", "Ms", "H.E.", "His Excellency")
 * and, for ALL-CAPS labels, in title case with lowercase name particles ("WALID AL-MUALLEM" gives
 * "Walid al-Muallem"). Role labels are canonical: "Q" and "QUESTION" give "Question", "MODERATOR"
 * gives "Moderator"; "A" and "Answer" name no one (speaker null).
 *
 * <p>Role: question and moderator come from the label, "A:" answers; a named speaker answers when
 * the exchange is in questions and answers (a question came since the last moderator turn), and
 * otherwise makes a statement (opening remarks). Configured {@link SpeakerLabelRule}s override the
 * role of the speakers they match.
 */
public final class TurnSegmenter {
  /** A label ends at a colon within this many characters; longer openings are never matched. */
  static final int MAX_LABEL_CHARS = 200;

  private static final Set<String> QUESTION_LABELS =
      Set.of("question", "q", "journalist", "reporter", "correspondent", "media");
  private static final Set<String> MODERATOR_LABELS =
      Set.of("moderator", "host", "chair", "chairman", "chairperson", "presenter", "facilitator");

  /** Labels that answer without naming who answers. */
  private static final Set<String> ANSWER_LABELS = Set.of("answer", "a");

  /**
   * Single-word labels that are not a role are not trusted: "Firstly:" or "NOTE:" open a sentence.
   */
  private static final Set<String> OTHER_ONE_WORD_LABELS = Set.of("interpreter");

  /**
   * Words that open a sentence or a heading, never a speaker's name or title: "The Answer Is
   * Clear:", "In Syria:", "On Ukraine:", "Dear Colleagues:".
   */
  private static final Set<String> NOT_FIRST_WORDS =
      Set.of(
          "a",
          "an",
          "the",
          "this",
          "that",
          "these",
          "those",
          "there",
          "here",
          "let",
          "our",
          "my",
          "your",
          "their",
          "its",
          "in",
          "on",
          "at",
          "for",
          "as",
          "and",
          "but",
          "so",
          "or",
          "if",
          "it",
          "we",
          "i",
          "you",
          "he",
          "she",
          "they",
          "to",
          "from",
          "with",
          "by",
          "of",
          "about",
          "regarding",
          "concerning",
          "now",
          "then",
          "what",
          "why",
          "how",
          "when",
          "where",
          "who",
          "which",
          "yes",
          "no",
          "also",
          "firstly",
          "secondly",
          "thirdly",
          "finally",
          "first",
          "second",
          "third",
          "lastly",
          "please",
          "thank",
          "thanks",
          "note",
          "see",
          "read",
          "dear",
          "ladies",
          "good",
          "today",
          "yesterday",
          "tomorrow");

  /** Words a name never holds anywhere: verbs and pronouns of a capitalised sentence. */
  private static final Set<String> NOT_NAME_WORDS =
      Set.of(
          "is", "are", "was", "were", "be", "been", "being", "am", "me", "us", "it", "not", "will",
          "would", "can", "could", "should", "must", "may", "has", "have", "had", "do", "does",
          "did");

  /** A capitalised word of a name or title: "Sergey", "O’Brian", "Jean-Claude", "Dr.", "MS.". */
  private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’.\\-]*";

  /** Lowercase name particles, alone ("Staffan de Mistura") or hyphenated ("Walid al-Muallem"). */
  private static final String PARTICLE =
      "(?:al|el|ad|as|ash|at|ibn|bin|de|da|di|du|dos|del|van|von|der|den|le|la)";

  /**
   * Particles an ALL-CAPS name spells in lowercase when title-cased; "Le" and "La" stay capitalised
   * ("Le Drian").
   */
  private static final Set<String> LOWERCASE_PARTICLES =
      Set.of(
          "al", "el", "ad", "as", "ash", "at", "ibn", "bin", "de", "da", "di", "du", "dos", "del",
          "van", "von", "der", "den");

  /**
   * What comes before the colon of a label: one to six words of a name (a title such as "Deputy
   * Minister" included), the first capitalised, and an optional parenthesis ("(via interpreter)").
   * It is only matched against the at most {@link #MAX_LABEL_CHARS} characters before the first
   * colon, so a long paragraph never reaches the regex engine.
   */
  private static final Pattern LABEL =
      Pattern.compile(
          "("
              + NAME_WORD
              + "(?:\\s+(?:"
              + NAME_WORD
              + "|"
              + PARTICLE
              + "(?:-"
              + NAME_WORD
              + ")?)){0,5})"
              + "\\s*(\\([^()]{1,80}\\))?");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** Honorifics before a name: "Mr.", "MS.", "Mrs", "Dr", "H.E.", "His Excellency". */
  private static final Pattern HONORIFIC =
      Pattern.compile(
          "^(?:(?:mr|mrs|ms|dr)\\.?|h\\.\\s?e\\.|(?:his|her) excellency)\\s+",
          Pattern.CASE_INSENSITIVE);

  private TurnSegmenter() {}

  /** The turns of a body given as paragraphs (lines); blank lines are ignored. */
  public static List<Turn> segment(List<String> paragraphs) {
    return segment(paragraphs, List.of());
  }

  /**
   * The turns of a body given as paragraphs (lines), with configured roles: the first rule whose
   * pattern matches a turn's speaker decides its role (null or empty: the built-in roles only).
   */
  public static List<Turn> segment(List<String> paragraphs, List<SpeakerLabelRule> rules) {
    List<Pattern> rulePatterns = new ArrayList<>();
    List<SpeakerRole> ruleRoles = new ArrayList<>();
    if (rules != null) {
      for (SpeakerLabelRule rule : rules) {
        rulePatterns.add(rule.compiled());
        ruleRoles.add(rule.role());
      }
    }
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
      Label label = label(paragraph);
      if (label != null) {
        flush(turns, speaker, role, text);
        speaker = label.speaker();
        role = label.builtInRole(inQuestionsAndAnswers);
        if (speaker != null) {
          for (int i = 0; i < rulePatterns.size(); i++) {
            if (rulePatterns.get(i).matcher(speaker).matches()) {
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
    flush(turns, speaker, role, text);
    return turns;
  }

  /** Whether a paragraph opens with a speaker label ("Sergey Lavrov: ..."). */
  public static boolean startsWithSpeakerLabel(String paragraph) {
    return paragraph != null && label(TextNormalizer.spaces(paragraph).strip()) != null;
  }

  /**
   * A recognised label: the name as written (no parenthesis), and the paragraph after the colon.
   */
  private record Label(String name, String rest) {
    private String key() {
      return name.toLowerCase(Locale.ROOT);
    }

    SpeakerRole builtInRole(boolean inQuestionsAndAnswers) {
      String key = key();
      if (QUESTION_LABELS.contains(key)) {
        return SpeakerRole.QUESTION;
      }
      if (MODERATOR_LABELS.contains(key)) {
        return SpeakerRole.MODERATOR;
      }
      if (ANSWER_LABELS.contains(key)) {
        return SpeakerRole.ANSWER;
      }
      return inQuestionsAndAnswers ? SpeakerRole.ANSWER : SpeakerRole.STATEMENT;
    }

    String speaker() {
      String key = key();
      if (ANSWER_LABELS.contains(key)) {
        return null; // "A:" names no one
      }
      if (key.equals("q")) {
        return "Question";
      }
      if (!key.contains(" ")) {
        if (QUESTION_LABELS.contains(key)
            || MODERATOR_LABELS.contains(key)
            || OTHER_ONE_WORD_LABELS.contains(key)) {
          return capitalize(key);
        }
      }
      return normalizeName(name);
    }
  }

  /** The label that opens a normalised, stripped paragraph, or null. */
  private static Label label(String paragraph) {
    int limit = Math.min(paragraph.length(), MAX_LABEL_CHARS + 1);
    int colon = -1;
    for (int i = 0; i < limit; i++) {
      if (paragraph.charAt(i) == ':') {
        colon = i;
        break;
      }
    }
    if (colon <= 0) {
      return null;
    }
    Matcher label = LABEL.matcher(paragraph.substring(0, colon).strip());
    if (!label.matches()) {
      return null;
    }
    String name = WHITESPACE.matcher(label.group(1).strip()).replaceAll(" ");
    if (!isSpeakerLabel(name)) {
      return null;
    }
    return new Label(name, paragraph.substring(colon + 1).strip());
  }

  private static boolean isSpeakerLabel(String name) {
    String[] words = name.toLowerCase(Locale.ROOT).split(" ");
    if (words.length == 1) {
      String key = words[0];
      return QUESTION_LABELS.contains(key)
          || MODERATOR_LABELS.contains(key)
          || ANSWER_LABELS.contains(key)
          || OTHER_ONE_WORD_LABELS.contains(key);
    }
    if (NOT_FIRST_WORDS.contains(words[0])) {
      return false;
    }
    for (String word : words) {
      if (NOT_NAME_WORDS.contains(word)) {
        return false;
      }
    }
    return true;
  }

  /**
   * "MS. PSAKI" -> "Psaki"; "H.E. Mr Sergey Lavrov" -> "Sergey Lavrov"; "WALID AL-MUALLEM" ->
   * "Walid al-Muallem".
   */
  static String normalizeName(String name) {
    String speaker = WHITESPACE.matcher(name.strip()).replaceAll(" ");
    Matcher honorific = HONORIFIC.matcher(speaker);
    while (honorific.find() && honorific.end() < speaker.length()) {
      speaker = speaker.substring(honorific.end());
      honorific = HONORIFIC.matcher(speaker);
    }
    return isAllCaps(speaker) ? titleCase(speaker) : speaker;
  }

  private static boolean isAllCaps(String text) {
    boolean letters = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isLetter(c);
    }
    return letters;
  }

  /** Title case for an ALL-CAPS name; particles inside the name stay lowercase. */
  private static String titleCase(String name) {
    String[] words = name.split(" ");
    StringBuilder out = new StringBuilder(name.length());
    for (int w = 0; w < words.length; w++) {
      if (w > 0) {
        out.append(' ');
      }
      String[] parts = words[w].split("-", -1);
      for (int p = 0; p < parts.length; p++) {
        if (p > 0) {
          out.append('-');
        }
        String part = parts[p].toLowerCase(Locale.ROOT);
        boolean insideName = (w > 0 || p > 0) && (w < words.length - 1 || p < parts.length - 1);
        out.append(insideName && LOWERCASE_PARTICLES.contains(part) ? part : capitalize(part));
      }
    }
    return out.toString();
  }

  /**
   * The first letter and each letter after an apostrophe or a dot in upper case: "o'brien" ->
   * "O'Brien".
   */
  private static String capitalize(String word) {
    StringBuilder out = new StringBuilder(word.length());
    boolean upper = true;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = c == '\'' || c == '’' || c == '.';
    }
    return out.toString();
  }

  private static void flush(
      List<Turn> turns, String speaker, SpeakerRole role, StringBuilder text) {
    if (text.length() > 0) {
      turns.add(new Turn(speaker, role, text.toString()));
      text.setLength(0);
    }
  }
}
