package org.discourseatlas.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.discourseatlas.text.TextNormalizer;
import org.discourseatlas.turns.TurnSegmenter;

/**
 * Drops the lines of a saved web page that are the site around a transcript, not the transcript:
 * language menus, addresses, phone/fax/e-mail lines, counters, copyright footers, bare labels.
 *
 * <p>The rules describe the shape of such lines, not the words of one site; lines that repeat
 * across many documents of one source are learned from the corpus by the ingestion issue.
 */
public final class BoilerplateFilter {
  /** Items of a menu are short: a language name, "Home", "Press service". */
  private static final int MAX_MENU_ITEM_WORDS = 3;

  /**
   * A separator with the spaces around it. The leading spaces are tried only where a run of them
   * starts ((?<!\\s)), possessively: "\\s*[|]" alone is tried at every space of a long run, each
   * try reading the run to its end, quadratic (20 s on 100,000 spaces).
   */
  private static final Pattern MENU_SEPARATOR = Pattern.compile("(?:(?<!\\s)\\s++)?[|•·¦]\\s*+");

  private static final Pattern CONTACT_LINE =
      Pattern.compile(
          "^(address|adress|addr\\.?|postal address|tel\\.?|telephone|phone|ph\\.|fax|"
              + "e-?mail|email|hotline|website|web)\\s*[:.]",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?\\d[\\d\\s().\\-]{6,}\\d");

  /** Marks only a footer carries: a counter's name, a copyright line. */
  private static final Pattern FOOTER_MARK =
      Pattern.compile(
          "(\\btop\\s?100\\b|\\bliveinternet\\b|\\byandex[\\s.]?metri[ck]a\\b|\\ball rights reserved\\b"
              + "|©|\\(c\\)\\s*\\d{4}|\\bcopyright\\b)",
          Pattern.CASE_INSENSITIVE);

  /** Widget captions: boilerplate only as a whole short line ("Share", "Print version"). */
  private static final Pattern WIDGET_CAPTION =
      Pattern.compile(
          "^(counter|hit counter|visitors?|share|share this|print|print version|back to top|follow us"
              + "|subscribe|rss|top|home)\\W*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern URL_ONLY =
      Pattern.compile("^(https?://|www\\.)\\S+$", Pattern.CASE_INSENSITIVE);

  /** "consular issues:" — a lowercase label with nothing after it heads a contact block. */
  private static final Pattern BARE_LOWERCASE_LABEL = Pattern.compile("^\\p{Ll}[\\p{L} ]{0,40}:$");

  /** Footers are short; a long line with "copyright" in it is a sentence, not a footer. */
  private static final int MAX_FOOTER_WORDS = 14;

  /** A phone list leaves at most this many characters once its numbers and separators go. */
  private static final int MAX_PHONE_LIST_REST = 12;

  private BoilerplateFilter() {}

  /** The lines that are not boilerplate, in order; blank lines are kept as paragraph breaks. */
  public static List<String> keepContent(List<String> lines) {
    List<String> kept = new ArrayList<>(lines.size());
    for (String line : lines) {
      if (line.isBlank() || !isBoilerplate(line)) {
        kept.add(line);
      }
    }
    return kept;
  }

  /** Whether one line, on its own, is site furniture. */
  public static boolean isBoilerplate(String rawLine) {
    String line = TextNormalizer.spaces(rawLine).strip();
    if (line.isEmpty()) {
      return false;
    }
    if (TurnSegmenter.startsWithSpeakerLabel(line)) {
      return false; // "Sergey Lavrov: We share this view." is the transcript itself
    }
    return isMenu(line)
        || CONTACT_LINE.matcher(line).find()
        || isPhoneList(line)
        || (TextNormalizer.wordsUpTo(line, MAX_FOOTER_WORDS) <= MAX_FOOTER_WORDS
            && FOOTER_MARK.matcher(line).find())
        || WIDGET_CAPTION.matcher(line).matches()
        || URL_ONLY.matcher(line).matches()
        || BARE_LOWERCASE_LABEL.matcher(line).matches();
  }

  static boolean isMenu(String line) {
    if (!hasMenuSeparator(line)) {
      return false; // one item: the common case, decided without the splitting expression
    }
    String[] items = MENU_SEPARATOR.split(line);
    if (items.length < 2) {
      return false;
    }
    int nonEmpty = 0;
    for (String item : items) {
      String trimmed = item.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      nonEmpty++;
      if (trimmed.split("\\s+").length > MAX_MENU_ITEM_WORDS || trimmed.endsWith(".")) {
        return false;
      }
    }
    return nonEmpty >= 2;
  }

  private static boolean hasMenuSeparator(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '|' || c == '•' || c == '·' || c == '¦') {
        return true;
      }
    }
    return false;
  }

  /** A line that is mostly phone numbers ("+90-312-439-21-83, 442-90-20"). */
  static boolean isPhoneList(String line) {
    if (charsNoNumberRemoves(line) > MAX_PHONE_LIST_REST) {
      return false; // what is left after removing numbers can only be longer: decided in one scan
    }
    String withoutNumbers = PHONE_NUMBER.matcher(line).replaceAll("");
    return withoutNumbers.length() < line.length()
        && withoutNumbers.replaceAll("[\\s,;:/]", "").toLowerCase(Locale.ROOT).length()
            <= MAX_PHONE_LIST_REST;
  }

  /**
   * Characters neither PHONE_NUMBER nor the separators' removal can take away (anything but digits,
   * regular-expression white space and {@code +().-,;:/}): a lower bound of what is left.
   */
  private static int charsNoNumberRemoves(String line) {
    int kept = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!((c >= '0' && c <= '9')
          || TextNormalizer.isRegexSpace(c)
          || "+().-,;:/".indexOf(c) >= 0)) {
        kept++;
      }
    }
    return kept;
  }
}
