package org.discourseatlas.turns;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A speaker label that opens a paragraph ("Sergey Lavrov:", "Q:", "Reuters:", "Anna Petrova from
 * RIA Novosti:", "Question (Al Mayadeen TV):", "MS. PSAKI:") read into who speaks and what kind of
 * speaker they are; {@link TurnSegmenter} decides the roles from the exchange.
 */
final class SpeakerLabel {
  /** A label ends at a colon within this many characters; longer openings are never matched. */
  static final int MAX_LABEL_CHARS = 200;

  private static final Set<String> QUESTION_LABELS =
      Set.of("question", "q", "journalist", "reporter", "correspondent", "media");
  private static final Set<String> MODERATOR_LABELS =
      Set.of("moderator", "host", "chair", "chairman", "chairperson", "presenter", "facilitator");

  /** Labels that answer without naming who answers. */
  private static final Set<String> ANSWER_LABELS = Set.of("answer", "a");

  /**
   * Labels of an interpreter's turn; the speaker is "Interpreter". Other single-word labels that
   * are not a role or a listed outlet are not trusted: "Firstly:" or "NOTE:" open a sentence.
   */
  private static final Set<String> INTERPRETER_LABELS =
      Set.of("interpreter", "interpretation", "translator", "translation");

  /**
   * A journalist with an outlet: "Anna Petrova from RIA Novosti", "Kim Soo-jin, Yonhap". After
   * "from", any capitalised name is taken for an outlet ("Mohamed Al-Tahir from Libya Al-Ahrar");
   * after a comma, only a known or outlet-shaped one ("Sergey Lavrov, Moscow" is not a journalist).
   */
  private static final Pattern PERSON_FROM_OUTLET =
      Pattern.compile("(.+?)(?:(?<!\\s)\\s++from\\s++|(?<!\\s)\\s*+,\\s*+)(.+)");

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

  private SpeakerLabel() {}

  /**
   * A recognised label and the paragraph after its colon.
   *
   * @param name the name as written, without parenthesis or outlet ("Sergey Lavrov", "Q"); null for
   *     an outlet alone ("Reuters:")
   * @param parenthesis what the label's parenthesis holds ("Al Mayadeen TV", "via interpreter"), or
   *     null
   * @param outlet the outlet the label names outside a parenthesis ("Reuters", "RIA Novosti" of
   *     "Anna Petrova from RIA Novosti"), or null
   */
  record Label(String name, String parenthesis, String outlet, String rest) {
    boolean opensAnExchange() {
      if (name == null || outlet != null) {
        return true;
      }
      String key = name.toLowerCase(Locale.ROOT);
      return QUESTION_LABELS.contains(key)
          || ANSWER_LABELS.contains(key)
          || MODERATOR_LABELS.contains(key);
    }

    TurnSegmenter.Speaker speaker(DocumentOfficial official, Outlets outlets) {
      if (name == null) {
        return new TurnSegmenter.Speaker(null, SpeakerKind.JOURNALIST, outlet, false);
      }
      String key = name.toLowerCase(Locale.ROOT);
      if (outlet != null) {
        return new TurnSegmenter.Speaker(
            withoutTitle(normalizeName(name))[1], SpeakerKind.JOURNALIST, outlet, false);
      }
      if (QUESTION_LABELS.contains(key)) {
        String speaker = key.equals("q") ? "Question" : capitalize(key);
        String affiliation =
            parenthesis != null && (outlets.contains(parenthesis) || isProperName(parenthesis))
                ? parenthesis
                : null;
        return new TurnSegmenter.Speaker(speaker, SpeakerKind.JOURNALIST, affiliation, false);
      }
      if (MODERATOR_LABELS.contains(key)) {
        return new TurnSegmenter.Speaker(capitalize(key), SpeakerKind.MODERATOR, null, false);
      }
      if (INTERPRETER_LABELS.contains(key)) {
        return new TurnSegmenter.Speaker("Interpreter", SpeakerKind.INTERPRETER, null, false);
      }
      if (ANSWER_LABELS.contains(key)) {
        // "A:" names no one: the document's official answers, when the title names one.
        return new TurnSegmenter.Speaker(
            official.name(), SpeakerKind.OFFICIAL, official.office(), true);
      }
      String[] titleAndName = withoutTitle(normalizeName(name));
      if (parenthesis != null && outlets.contains(parenthesis)) {
        return new TurnSegmenter.Speaker(
            titleAndName[1], SpeakerKind.JOURNALIST, parenthesis, false);
      }
      return new TurnSegmenter.Speaker(
          titleAndName[1], SpeakerKind.OFFICIAL, titleAndName[0], false);
    }
  }

  /**
   * A name split into the job title written before it and the name: "Deputy Foreign Minister Sergei
   * Ryabkov" gives {"Deputy Foreign Minister", "Sergei Ryabkov"}; no title gives {null, name}. The
   * name keeps at least one word.
   */
  static String[] withoutTitle(String name) {
    String[] words = name.split(" ");
    int start = 0;
    while (start < words.length - 1
        && DocumentOfficial.TITLE_WORDS.contains(words[start].toLowerCase(Locale.ROOT))) {
      start++;
    }
    boolean jobTitle = false;
    for (int i = 0; i < start; i++) {
      jobTitle |= DocumentOfficial.CORE.contains(words[i].toLowerCase(Locale.ROOT));
    }
    if (!jobTitle) {
      // "General Assembly:" is no General named Assembly: a title names an office (Minister,
      // Secretary, Spokesperson, ...).
      return new String[] {null, name};
    }
    return new String[] {
      String.join(" ", Arrays.copyOfRange(words, 0, start)),
      String.join(" ", Arrays.copyOfRange(words, start, words.length))
    };
  }

  /** Every word capitalised ("Al Mayadeen TV"), as an outlet's name; not "via interpreter". */
  private static boolean isProperName(String text) {
    for (String word : WHITESPACE.split(text.strip())) {
      if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  /** The label that opens a normalised, stripped paragraph, or null. */
  static Label parse(String paragraph, Outlets outlets) {
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
    String before = WHITESPACE.matcher(paragraph.substring(0, colon).strip()).replaceAll(" ");
    String rest = paragraph.substring(colon + 1).strip();
    // A person with an outlet first: "Kim Soo-jin, Yonhap News Agency" as a whole ends in an
    // outlet's kind word too.
    Matcher withOutlet = PERSON_FROM_OUTLET.matcher(before);
    if (withOutlet.matches()
        && (outlets.contains(withOutlet.group(2))
            || (withOutlet.group(0).contains(" from ") && isProperName(withOutlet.group(2))))) {
      String person = withOutlet.group(1).strip();
      Matcher name = LABEL.matcher(person);
      // A surname alone is a journalist's label only beside a known or outlet-shaped name: "Sato,
      // NHK:", "Takahashi from Asahi Shimbun:".
      boolean surname =
          !person.contains(" ")
              && outlets.contains(withOutlet.group(2))
              && !NOT_FIRST_WORDS.contains(person.toLowerCase(Locale.ROOT));
      if (name.matches() && name.group(2) == null && (surname || isSpeakerLabel(person))) {
        return new Label(person, null, withOutlet.group(2).strip(), rest);
      }
    }
    if (outlets.contains(before)) {
      return new Label(null, null, before, rest); // "Reuters:", "The Paper:"
    }
    Matcher label = LABEL.matcher(before);
    if (!label.matches()) {
      return null;
    }
    String name = WHITESPACE.matcher(label.group(1).strip()).replaceAll(" ");
    if (!isSpeakerLabel(name)) {
      return null;
    }
    String parenthesis = label.group(2);
    if (parenthesis != null) {
      parenthesis = parenthesis.substring(1, parenthesis.length() - 1).strip();
    }
    return new Label(name, parenthesis, null, rest);
  }

  private static boolean isSpeakerLabel(String name) {
    String[] words = name.toLowerCase(Locale.ROOT).split(" ");
    if (words.length == 1) {
      String key = words[0];
      return QUESTION_LABELS.contains(key)
          || MODERATOR_LABELS.contains(key)
          || ANSWER_LABELS.contains(key)
          || INTERPRETER_LABELS.contains(key);
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
}
