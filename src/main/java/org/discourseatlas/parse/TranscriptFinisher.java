package org.discourseatlas.parse;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.discourseatlas.decode.EnglishProseCheck;
import org.discourseatlas.decode.LanguageIdentifier;
import org.discourseatlas.decode.RejectReason;
import org.discourseatlas.decode.RejectedInputException;
import org.discourseatlas.text.DateParser;
import org.discourseatlas.text.TextNormalizer;
import org.discourseatlas.turns.Outlets;
import org.discourseatlas.turns.Turn;
import org.discourseatlas.turns.TurnSegmenter;

/**
 * The second step of reading a transcript, after the corpus has been consulted: turns a {@link
 * DraftTranscript} that {@link TranscriptParser#read} gave into a {@link FinishedTranscript}, or
 * rejects it as too short or not English.
 */
public final class TranscriptFinisher implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A dateline in the opening paragraphs dates the transcript ("Moscow, 14 March 2017"). */
  private static final int DATE_SEARCH_PARAGRAPHS = 5;

  /**
   * A dateline is short. A date inside a sentence ("the attacks of 11 September 2001") is an event
   * the speaker mentions, not the day the words were spoken.
   */
  private static final int MAX_DATELINE_WORDS = 12;

  private final ParserSettings settings;
  private final Outlets outlets;

  public TranscriptFinisher(ParserSettings settings) {
    this.settings = settings;
    this.outlets = Outlets.shippedPlus(settings.outlets());
  }

  /**
   * Finishes a draft: drops its paragraphs that are the source's repeated boilerplate (keys from
   * {@link #lineKey}), finds a date in the opening paragraphs if it has none, splits turns and
   * checks there is enough English text to analyse.
   */
  public FinishedTranscript finish(DraftTranscript draft, Set<String> repeatedLines)
      throws RejectedInputException {
    List<String> body = new ArrayList<>(draft.body().size());
    for (String paragraph : draft.body()) {
      boolean repeated =
          !repeatedLines.isEmpty()
              && repeatedLines.contains(lineKey(paragraph))
              && !TurnSegmenter.startsWithSpeakerLabel(paragraph);
      if (!repeated) {
        body.add(paragraph);
      }
    }
    LocalDate date = draft.date();
    String dateSource = draft.dateSource();
    if (date == null) {
      int seen = 0;
      for (String paragraph : body) {
        if (paragraph.isBlank()) {
          continue;
        }
        Optional<DateParser.FoundDate> found =
            paragraph.strip().split("\\s+").length <= MAX_DATELINE_WORDS
                ? DateParser.find(paragraph)
                : Optional.empty();
        if (found.isPresent()) {
          date = found.get().date();
          dateSource = "text";
          break;
        }
        if (++seen >= DATE_SEARCH_PARAGRAPHS) {
          break;
        }
      }
    }
    List<Turn> turns = TurnSegmenter.segment(draft.title(), body, settings.speakerRules(), outlets);
    StringBuilder text = new StringBuilder();
    for (Turn turn : turns) {
      if (text.length() > 0) {
        text.append("\n\n");
      }
      text.append(turn.text());
    }
    long letters = TextNormalizer.letters(text);
    if (letters < settings.minTextChars()) {
      throw new RejectedInputException(
          RejectReason.NO_TEXT,
          letters
              + " letters left after cleaning < ingest.min-text-chars = "
              + settings.minTextChars());
    }
    String language = LanguageIdentifier.detect(text.toString());
    double englishShare = EnglishProseCheck.englishShare(text.toString());
    // Both must agree: the n-gram identifier abstains on odd texts (lists of names), and it calls
    // English anything built of English words, R scripts and link lists included (four
    // .Rhistory files of the UN corpus passed as "en"); English prose is ~40% function words.
    boolean english =
        ("en".equals(language) || LanguageIdentifier.UNDETERMINED.equals(language))
            && englishShare >= EnglishProseCheck.MIN_ENGLISH_SHARE;
    if (!english) {
      throw new RejectedInputException(
          RejectReason.LANGUAGE,
          String.format(
              Locale.ROOT,
              "not English prose: language detected '%s'; English function words are %.1f%% of the"
                  + " words (English prose: ~40%%)",
              language,
              100 * englishShare));
    }
    return new FinishedTranscript(
        draft.sourcePath(),
        draft.format(),
        draft.encoding(),
        draft.title(),
        date,
        dateSource,
        draft.place(),
        draft.source(),
        draft.url(),
        "en",
        draft.pathFields(),
        text.toString(),
        turns);
  }

  /** The key under which a paragraph is compared across documents: white space folded. */
  public static String lineKey(String paragraph) {
    return TextNormalizer.squeezeSpaces(TextNormalizer.spaces(paragraph));
  }
}
