package org.discourseatlas.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TurnSegmenterTest {
  private static List<SpeakerRole> roles(List<Turn> turns) {
    return turns.stream().map(Turn::role).toList();
  }

  @Test
  void questionsAndAnswersAlternate() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                MinistrySnippets.QUESTION_1,
                MinistrySnippets.ANSWER_1,
                MinistrySnippets.QUESTION_2,
                MinistrySnippets.ANSWER_2));

    assertEquals(
        List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER, SpeakerRole.QUESTION, SpeakerRole.ANSWER),
        roles(turns));
    assertEquals("Sergey Lavrov", turns.get(1).speaker());
    assertEquals("Sergey Lavrov", turns.get(3).speaker());
    assertEquals(MinistrySnippets.body(MinistrySnippets.QUESTION_1), turns.get(0).text());
    assertEquals(MinistrySnippets.body(MinistrySnippets.ANSWER_2), turns.get(3).text());
  }

  @Test
  void labelAndNonBreakingSpacesAreNotPartOfTheTurnText() {
    Turn question = TurnSegmenter.segment(List.of(MinistrySnippets.QUESTION_2)).get(0);

    assertTrue(question.text().startsWith("What do you expect from the intra-Syrian talks"), question.text());
    assertFalse(question.text().contains("\u00a0"));
    assertFalse(question.text().contains("Question"));
  }

  @Test
  void continuationParagraphsJoinTheCurrentTurnWithABlankLine() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                MinistrySnippets.QUESTION_1,
                "",
                MinistrySnippets.ANSWER_1,
                "",
                MinistrySnippets.ANSWER_1_CONTINUED,
                "   ",
                "Those who had cried the loudest remained silent because they were ashamed."));

    assertEquals(2, turns.size());
    assertEquals(
        MinistrySnippets.body(MinistrySnippets.ANSWER_1)
            + "\n\n"
            + MinistrySnippets.ANSWER_1_CONTINUED
            + "\n\nThose who had cried the loudest remained silent because they were ashamed.",
        turns.get(1).text());
  }

  @Test
  void namedSpeakerBeforeAnyQuestionMakesAStatement() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                "Sergey Lavrov: Ladies and gentlemen, we have held substantive talks with my colleague,"
                    + " Minister of Foreign Affairs of the Republic of the Congo Jean-Claude Gakosso.",
                "Jean-Claude Gakosso (via interpreter): I would like to thank my friend Sergey Lavrov"
                    + " for his hospitality.",
                MinistrySnippets.QUESTION_2,
                MinistrySnippets.ANSWER_2));

    assertEquals(
        List.of(SpeakerRole.STATEMENT, SpeakerRole.STATEMENT, SpeakerRole.QUESTION, SpeakerRole.ANSWER),
        roles(turns));
    assertEquals("Sergey Lavrov", turns.get(0).speaker());
    assertEquals("Jean-Claude Gakosso", turns.get(1).speaker());
    assertTrue(turns.get(1).text().startsWith("I would like to thank"), turns.get(1).text());
  }

  @Test
  void moderatorTurnEndsTheQuestionsAndAnswers() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                "Moderator: Colleagues, the floor is given to Foreign Minister Sergey Lavrov.",
                "Sergey Lavrov: Good afternoon. Our talks today were substantive and useful.",
                "Moderator: Now we can take questions. Please introduce yourselves.",
                "Question: Will the Astana meeting take place as planned?",
                "Sergey Lavrov: We are looking into what has suddenly happened to the position of the"
                    + " armed opposition.",
                "Moderator: Thank you. This concludes the news conference.",
                "Sergey Lavrov: Thank you all."));

    assertEquals(
        List.of(
            SpeakerRole.MODERATOR,
            SpeakerRole.STATEMENT,
            SpeakerRole.MODERATOR,
            SpeakerRole.QUESTION,
            SpeakerRole.ANSWER,
            SpeakerRole.MODERATOR,
            SpeakerRole.STATEMENT),
        roles(turns));
    assertEquals("Moderator", turns.get(0).speaker());
  }

  @Test
  void unlabelledFirstParagraphIsAStatementWithoutSpeaker() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                "The Ministry of Foreign Affairs is deeply concerned by the reports of civilian"
                    + " casualties in western Mosul.",
                "We call on all parties to respect international humanitarian law.",
                MinistrySnippets.QUESTION_1));

    assertEquals(2, turns.size());
    assertNull(turns.get(0).speaker());
    assertEquals(SpeakerRole.STATEMENT, turns.get(0).role());
    assertEquals(
        "The Ministry of Foreign Affairs is deeply concerned by the reports of civilian casualties in"
            + " western Mosul.\n\nWe call on all parties to respect international humanitarian law.",
        turns.get(0).text());
    assertEquals(SpeakerRole.QUESTION, turns.get(1).role());
  }

  @Test
  void questionViaInterpreterIsAQuestion() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                "Question (via interpreter): Mr Minister, how do you assess the situation in Libya?",
                "Sergey Lavrov: It was the same in Libya, where a real opportunity for dialogue was"
                    + " rejected."));

    assertEquals(List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER), roles(turns));
    assertEquals("Mr Minister, how do you assess the situation in Libya?", turns.get(0).text());
  }

  @Test
  void titledSpeakerLabelNamesTheSpeaker() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                "Question: What is the position of Westmark on the evacuation of eastern Aleppo?",
                "Deputy Minister Lena Hart: We support every humanitarian pause that lets civilians"
                    + " leave."));

    assertEquals("Deputy Minister Lena Hart", turns.get(1).speaker());
    assertEquals(SpeakerRole.ANSWER, turns.get(1).role());
    assertEquals(
        "We support every humanitarian pause that lets civilians leave.", turns.get(1).text());
  }

  @Test
  void labelOnALineOfItsOwnOpensTheTurnOfTheNextParagraph() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                "Question:",
                "Why are the civilians in Mosul less of a news story?",
                "Sergey Lavrov:",
                "I think the answer is quite simple."));

    assertEquals(List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER), roles(turns));
    assertEquals("Why are the civilians in Mosul less of a news story?", turns.get(0).text());
    assertEquals("Sergey Lavrov", turns.get(1).speaker());
    assertEquals("I think the answer is quite simple.", turns.get(1).text());
  }

  @Test
  void sentenceWithAColonIsNotALabel() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                MinistrySnippets.ANSWER_1,
                "Let me be honest: we have never seen such a hysterical reaction.",
                "Firstly: the ceasefire is holding. Secondly: the number of violations has declined.",
                "Our position is clear: there is no military solution."));

    assertEquals(1, turns.size());
    assertEquals("Sergey Lavrov", turns.get(0).speaker());
    assertEquals(
        MinistrySnippets.body(MinistrySnippets.ANSWER_1)
            + "\n\nLet me be honest: we have never seen such a hysterical reaction."
            + "\n\nFirstly: the ceasefire is holding. Secondly: the number of violations has declined."
            + "\n\nOur position is clear: there is no military solution.",
        turns.get(0).text());
  }

  @Test
  void shortQuestionLabelQ() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of("Q: Is Russia ready to help with demining in Palmyra?", "Sergey Lavrov: Yes."));

    assertEquals(List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER), roles(turns));
  }

  @Test
  void noParagraphsGiveNoTurns() {
    assertEquals(List.of(), TurnSegmenter.segment(List.of("", "  ", "\u00a0")));
  }

  @Test
  void speakerWithAHyphenatedArabicParticleIsALabel() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                "Question: Will the Syrian Government take part in the talks in Astana?",
                "Walid al-Muallem (via interpreter): The Government delegation will go to Astana.",
                "Sergey Lavrov: I fully agree with my colleague."));

    assertEquals(List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER, SpeakerRole.ANSWER), roles(turns));
    assertEquals("Walid al-Muallem", turns.get(1).speaker());
    assertEquals("The Government delegation will go to Astana.", turns.get(1).text());
  }

  @Test
  void speakerWithASeparateLowercaseParticleIsALabel() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                "Question: What do you expect from the Geneva round?",
                "Staffan de Mistura: We expect the parties to discuss governance and the constitution."));

    assertEquals("Staffan de Mistura", turns.get(1).speaker());
    assertEquals(SpeakerRole.ANSWER, turns.get(1).role());
  }
}
