package org.discourseatlas.turns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.discourseatlas.testing.MinistrySnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    assertTrue(
        question.text().startsWith("What do you expect from the intra-Syrian talks"),
        question.text());
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
        List.of(
            SpeakerRole.STATEMENT, SpeakerRole.STATEMENT, SpeakerRole.QUESTION, SpeakerRole.ANSWER),
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

    // The job title is the official's affiliation, not part of their name.
    assertEquals("Lena Hart", turns.get(1).speaker());
    assertEquals("Deputy Minister", turns.get(1).affiliation());
    assertEquals(SpeakerKind.OFFICIAL, turns.get(1).kind());
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

    assertEquals(
        List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER, SpeakerRole.ANSWER), roles(turns));
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

  private static List<String> speakers(List<Turn> turns) {
    return turns.stream().map(Turn::speaker).toList();
  }

  private static final String OPENING_QUESTION =
      "Question: Is the ceasefire in southern Syria holding, in your assessment?";
  private static final String WORDS = "We have said many times that there is no military solution.";

  static Stream<Arguments> labelsSeenOnMinistrySites() {
    return Stream.of(
        Arguments.of("Question:", "Question", SpeakerRole.QUESTION),
        Arguments.of("Q:", "Question", SpeakerRole.QUESTION),
        Arguments.of("A:", null, SpeakerRole.ANSWER),
        Arguments.of("QUESTION:", "Question", SpeakerRole.QUESTION),
        Arguments.of("Question (via interpreter):", "Question", SpeakerRole.QUESTION),
        Arguments.of("Sergey Lavrov:", "Sergey Lavrov", SpeakerRole.ANSWER),
        Arguments.of(
            "Maria Zakharova (replying to a question):", "Maria Zakharova", SpeakerRole.ANSWER),
        Arguments.of("MS. PSAKI:", "Psaki", SpeakerRole.ANSWER),
        Arguments.of("MR. PRICE:", "Price", SpeakerRole.ANSWER),
        Arguments.of("MR KIRBY:", "Kirby", SpeakerRole.ANSWER),
        Arguments.of("SECRETARY BLINKEN:", "Blinken", SpeakerRole.ANSWER),
        Arguments.of("Deputy Minister Lena Hart:", "Lena Hart", SpeakerRole.ANSWER),
        Arguments.of("Walid al-Muallem:", "Walid al-Muallem", SpeakerRole.ANSWER),
        Arguments.of("WALID AL-MUALLEM:", "Walid al-Muallem", SpeakerRole.ANSWER),
        Arguments.of("Staffan de Mistura:", "Staffan de Mistura", SpeakerRole.ANSWER),
        Arguments.of("STAFFAN DE MISTURA:", "Staffan de Mistura", SpeakerRole.ANSWER),
        Arguments.of("Moderator:", "Moderator", SpeakerRole.MODERATOR),
        Arguments.of("MODERATOR:", "Moderator", SpeakerRole.MODERATOR),
        Arguments.of("Mr. Price:", "Price", SpeakerRole.ANSWER),
        Arguments.of("Ms Zakharova:", "Zakharova", SpeakerRole.ANSWER),
        Arguments.of("Mrs Lena Hart:", "Lena Hart", SpeakerRole.ANSWER),
        Arguments.of("Dr. Lena Hart:", "Lena Hart", SpeakerRole.ANSWER),
        Arguments.of("H.E. Mr. Sergey Lavrov:", "Sergey Lavrov", SpeakerRole.ANSWER),
        Arguments.of("His Excellency Walid al-Muallem:", "Walid al-Muallem", SpeakerRole.ANSWER),
        Arguments.of("Sergey\u00a0\u00a0Lavrov :", "Sergey Lavrov", SpeakerRole.ANSWER),
        Arguments.of(
            "Jean-Claude Gakosso (via interpreter):", "Jean-Claude Gakosso", SpeakerRole.ANSWER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelsSeenOnMinistrySites")
  void labelOpensATurnWithItsSpeakerAndRole(String label, String speaker, SpeakerRole role) {
    List<Turn> turns = TurnSegmenter.segment(List.of(OPENING_QUESTION, label + " " + WORDS));

    assertEquals(2, turns.size(), turns.toString());
    assertEquals(speaker, turns.get(1).speaker());
    assertEquals(role, turns.get(1).role());
    assertEquals(WORDS, turns.get(1).text());
    assertTrue(TurnSegmenter.startsWithSpeakerLabel(label + " " + WORDS), label);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Firstly: the ceasefire is holding. Secondly: the number of violations has declined.",
        "Let me be honest: we have never seen such a hysterical reaction.",
        "The answer is clear: there is no military solution.",
        "The Answer Is Clear: there is no military solution.",
        "Note: the Russian original of this transcript is the authoritative text.",
        "NOTE: The Russian original of this transcript is the authoritative text.",
        "Here is the point: the Astana format works and the Geneva format needs it.",
        "15:20 The talks resumed after a short break.",
        "Resolution 2254: the road map for a political settlement in Syria must be implemented.",
        "https://www.state.gov/briefings/department-press-briefing-march-7-2023/",
        "On Syria: we continue our contacts with all the parties.",
        "Our Position Is Clear: there is no military solution."
      })
  void sentenceOpeningWithAColonStaysInTheCurrentTurn(String paragraph) {
    List<Turn> turns = TurnSegmenter.segment(List.of(MinistrySnippets.ANSWER_1, paragraph));

    assertEquals(1, turns.size(), turns.toString());
    assertEquals("Sergey Lavrov", turns.get(0).speaker());
    assertEquals(
        MinistrySnippets.body(MinistrySnippets.ANSWER_1) + "\n\n" + paragraph, turns.get(0).text());
    assertFalse(TurnSegmenter.startsWithSpeakerLabel(paragraph), paragraph);
  }

  @Test
  void stateDepartmentBriefingAlternatesQuestionsAndAnswers() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                "MR. PRICE: Good afternoon. I have one element at the top, and then we will take your"
                    + " questions.",
                "",
                "The United States welcomes the extension of the cross-border aid mechanism.",
                "",
                "QUESTION: Ned, on Syria, do you have any reaction to the Arab League's decision?",
                "MR. PRICE: We have been clear that we will not normalise relations with the Assad"
                    + " regime.",
                "QUESTION: Follow-up, if I may: what about the sanctions?",
                "MR. PRICE: Our sanctions remain in full force."));

    assertEquals(
        List.of(
            SpeakerRole.STATEMENT,
            SpeakerRole.QUESTION,
            SpeakerRole.ANSWER,
            SpeakerRole.QUESTION,
            SpeakerRole.ANSWER),
        roles(turns));
    assertEquals(List.of("Price", "Question", "Price", "Question", "Price"), speakers(turns));
    assertEquals(
        "Good afternoon. I have one element at the top, and then we will take your questions."
            + "\n\nThe United States welcomes the extension of the cross-border aid mechanism.",
        turns.get(0).text());
    assertEquals("Follow-up, if I may: what about the sanctions?", turns.get(3).text());
  }

  @Test
  void unlabelledTextIsOneStatementWithoutSpeaker() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                "The Ministry of Foreign Affairs welcomes the agreement on a ceasefire in Syria.",
                "",
                "We call on all parties to respect it: the civilians have suffered enough."));

    assertEquals(1, turns.size());
    assertNull(turns.get(0).speaker());
    assertEquals(SpeakerRole.STATEMENT, turns.get(0).role());
    assertEquals(
        "The Ministry of Foreign Affairs welcomes the agreement on a ceasefire in Syria."
            + "\n\nWe call on all parties to respect it: the civilians have suffered enough.",
        turns.get(0).text());
  }

  private static final List<String> BRIEFING =
      List.of(
          "Maria Zakharova: Good afternoon. I will begin with the situation in Syria.",
          "Question: What is the ministry's view of the Geneva round?",
          "Maria Zakharova (replying to a question): We support the UN-led process.",
          "Interpreter: The journalist is asking a follow-up question.",
          "Sergey Lavrov: I fully agree with my colleague.");

  @Test
  void ruleOverridesTheRoleOfTheSpeakersItMatches() {
    List<Turn> builtIn = TurnSegmenter.segment(BRIEFING);
    List<Turn> configured =
        TurnSegmenter.segment(
            BRIEFING,
            List.of(
                new SpeakerLabelRule("(?i)maria zakharova", SpeakerRole.STATEMENT),
                new SpeakerLabelRule("(?i)interpreter", SpeakerRole.MODERATOR)));

    assertEquals(
        List.of(
            SpeakerRole.STATEMENT,
            SpeakerRole.QUESTION,
            SpeakerRole.ANSWER,
            SpeakerRole.ANSWER,
            SpeakerRole.ANSWER),
        roles(builtIn));
    // A moderator turn ends the questions and answers, whether the label or a rule makes it one.
    assertEquals(
        List.of(
            SpeakerRole.STATEMENT,
            SpeakerRole.QUESTION,
            SpeakerRole.STATEMENT,
            SpeakerRole.MODERATOR,
            SpeakerRole.STATEMENT),
        roles(configured));
    assertEquals(speakers(builtIn), speakers(configured));
  }

  @Test
  void ruleThatMakesASpeakerAskStartsTheQuestionsAndAnswers() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(
                "BBC Correspondent: Mr Minister, will Russia attend the conference in Geneva?",
                "Sergey Lavrov: We have not received an invitation yet."),
            List.of(new SpeakerLabelRule(".*correspondent", SpeakerRole.QUESTION)));

    assertEquals(List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER), roles(turns));
    assertEquals("BBC Correspondent", turns.get(0).speaker());
  }

  @Test
  void firstMatchingRuleWinsAndRulesMatchTheWholeNormalisedName() {
    List<String> paragraphs = List.of(OPENING_QUESTION, "MR. PRICE: We are watching closely.");

    assertEquals(
        SpeakerRole.MODERATOR,
        TurnSegmenter.segment(
                paragraphs,
                List.of(
                    new SpeakerLabelRule("price", SpeakerRole.MODERATOR),
                    new SpeakerLabelRule("p.*", SpeakerRole.STATEMENT)))
            .get(1)
            .role());
    // "MR. PRICE" is matched as "Price": the honorific is gone, and a part of the name is not
    // enough.
    assertEquals(
        SpeakerRole.ANSWER,
        TurnSegmenter.segment(
                paragraphs,
                List.of(
                    new SpeakerLabelRule("mr\\. price", SpeakerRole.MODERATOR),
                    new SpeakerLabelRule("pri", SpeakerRole.STATEMENT)))
            .get(1)
            .role());
    assertEquals(
        roles(TurnSegmenter.segment(paragraphs)), roles(TurnSegmenter.segment(paragraphs, null)));
  }

  @Test
  void rulesDoNotMakeASentenceOpeningALabel() {
    List<Turn> turns =
        TurnSegmenter.segment(
            List.of(MinistrySnippets.ANSWER_1, "Firstly: the ceasefire is holding."),
            List.of(new SpeakerLabelRule("(?i)firstly", SpeakerRole.QUESTION)));

    assertEquals(1, turns.size());
    assertEquals(SpeakerRole.STATEMENT, turns.get(0).role());
  }

  @Test
  void invalidRuleRegexIsRejectedNamingThePattern() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SpeakerLabelRule("(?i)maria (zakharova", SpeakerRole.STATEMENT));

    assertTrue(error.getMessage().contains("(?i)maria (zakharova"), error.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new SpeakerLabelRule(" ", SpeakerRole.STATEMENT));
    assertThrows(IllegalArgumentException.class, () -> new SpeakerLabelRule("(?i)moderator", null));
  }

  @Test
  void ruleSurvivesJavaSerialisation() throws Exception {
    SpeakerLabelRule rule = new SpeakerLabelRule("(?i)interpreter", SpeakerRole.MODERATOR);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(rule);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(rule, in.readObject());
    }
  }

  @Test
  void megabyteParagraphWithoutSpacesIsHandled() {
    String blob = "Q" + "a".repeat(1_000_000) + ": the rest";
    String url = "https://www.mid.ru/en/" + "x".repeat(1_000_000);

    List<Turn> turns =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> TurnSegmenter.segment(List.of(blob, url)));

    assertEquals(1, turns.size());
    assertNull(turns.get(0).speaker());
    assertEquals(blob + "\n\n" + url, turns.get(0).text());
    assertFalse(
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> TurnSegmenter.startsWithSpeakerLabel(blob)));
  }

  @Test
  void paragraphOfFiveThousandWordsIsHandled() {
    String capitalisedWords = "Sergey Lavrov Walid al-Muallem ".repeat(1_250).strip();
    String noColon = capitalisedWords + " and so on";
    String lateColon = capitalisedWords + ": the rest";
    String labelled = "Sergey Lavrov: " + capitalisedWords;

    List<Turn> turns =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> TurnSegmenter.segment(List.of(noColon, lateColon, OPENING_QUESTION, labelled)));

    assertEquals(
        List.of(SpeakerRole.STATEMENT, SpeakerRole.QUESTION, SpeakerRole.ANSWER), roles(turns));
    assertNull(turns.get(0).speaker());
    assertEquals(noColon + "\n\n" + lateColon, turns.get(0).text());
    assertEquals("Sergey Lavrov", turns.get(2).speaker());
    assertEquals(capitalisedWords, turns.get(2).text());
  }

  private static final Outlets OUTLETS = Outlets.shippedPlus(List.of("Rossiyskaya Gazeta"));

  @Test
  void outletLabelledQuestionsAndAnAnswerLabelledAGiveTheTitlesSpokesperson() {
    List<Turn> turns =
        TurnSegmenter.segment(
            "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on June 1, 2020",
            List.of(
                "Good afternoon. I have two announcements to start with.",
                "CCTV: What is China's comment on the ceasefire in Idlib?",
                "A: We welcome it and hope all parties will honour it.",
                "Bloomberg News: Will the envoy travel to Damascus?",
                "Zhao Lijian: I have nothing to release at the moment."),
            List.of(),
            OUTLETS);
    assertEquals(
        List.of("statement", "question", "answer", "question", "answer"),
        turns.stream().map(t -> t.role().code()).toList());
    assertEquals(
        java.util.Arrays.asList("Zhao Lijian", null, "Zhao Lijian", null, "Zhao Lijian"),
        speakers(turns));
    assertEquals(SpeakerKind.OFFICIAL, turns.get(0).kind());
    assertEquals("Foreign Ministry Spokesperson", turns.get(0).affiliation());
    assertEquals(SpeakerKind.JOURNALIST, turns.get(1).kind());
    assertEquals("CCTV", turns.get(1).affiliation());
    assertEquals("Bloomberg News", turns.get(3).affiliation());
    assertEquals("Foreign Ministry Spokesperson", turns.get(2).affiliation());
    assertNull(turns.get(4).affiliation(), "a bare name states no office");
  }

  @Test
  void journalistsWithOutletsInEveryShape() {
    List<Turn> turns =
        TurnSegmenter.segment(
            null,
            List.of(
                "Question (Al Mayadeen TV): What about the corridors out of eastern Aleppo?",
                "Sergey Lavrov: They are open.",
                "Anna Petrova from RIA Novosti: And the convoy?",
                "Sergey Lavrov: It left this morning.",
                "Kim Soo-jin, Yonhap News Agency: One more on Korea.",
                "Sergey Lavrov: Please.",
                "Rossiyskaya Gazeta: A configured outlet asks.",
                "Question (via interpreter): Is that all?"),
            List.of(),
            OUTLETS);
    assertEquals(
        java.util.Arrays.asList(
            "Question",
            "Sergey Lavrov",
            "Anna Petrova",
            "Sergey Lavrov",
            "Kim Soo-jin",
            "Sergey Lavrov",
            null,
            "Question"),
        speakers(turns));
    assertEquals(
        java.util.Arrays.asList(
            "Al Mayadeen TV",
            null,
            "RIA Novosti",
            null,
            "Yonhap News Agency",
            null,
            "Rossiyskaya Gazeta",
            null),
        turns.stream().map(Turn::affiliation).toList());
    assertEquals(SpeakerRole.QUESTION, turns.get(6).role());
    assertEquals(SpeakerRole.QUESTION, turns.get(7).role());
    for (int i = 0; i < 6; i++) {
      SpeakerRole expected = i % 2 == 0 ? SpeakerRole.QUESTION : SpeakerRole.ANSWER;
      assertEquals(expected, turns.get(i).role(), "turn " + (i + 1));
      assertEquals(i % 2 == 0 ? SpeakerKind.JOURNALIST : SpeakerKind.OFFICIAL, turns.get(i).kind());
    }
  }

  @Test
  void anInterpreterAnswersAfterAQuestionAndAModeratorResetsTheExchange() {
    List<Turn> turns =
        TurnSegmenter.segment(
            null,
            List.of(
                "Moderator: The ministers will make opening remarks.",
                "Sergey Lavrov: Good afternoon.",
                "Interpretation: Thank you, Sergey.",
                "Question: What about Mosul?",
                "Interpretation: The operation must spare civilians.",
                "Moderator: Next question, please."),
            List.of(),
            OUTLETS);
    assertEquals(
        List.of("moderator", "statement", "statement", "question", "answer", "moderator"),
        turns.stream().map(t -> t.role().code()).toList());
    assertEquals("Interpreter", turns.get(2).speaker());
    assertEquals(SpeakerKind.INTERPRETER, turns.get(2).kind());
    assertEquals(SpeakerKind.MODERATOR, turns.get(0).kind());
  }

  @Test
  void aJointConferenceNamesNoSingleOfficialForAnswersLabelledA() {
    List<Turn> turns =
        TurnSegmenter.segment(
            "Foreign Minister Sergey Lavrov's remarks at a joint news conference with Foreign"
                + " Minister of the Republic of the Congo Jean-Claude Gakosso, Moscow, 14 March 2017",
            List.of("Q: What about Aleppo?", "A: We will answer together."),
            List.of(),
            OUTLETS);
    assertNull(turns.get(1).speaker());
    assertEquals(SpeakerKind.OFFICIAL, turns.get(1).kind());
    assertEquals(SpeakerRole.ANSWER, turns.get(1).role());
  }

  @Test
  void unlabelledOpeningWithNoOfficialNamedIsByAnUnknownSpeaker() {
    List<Turn> turns =
        TurnSegmenter.segment(
            "Press briefing, 5 May 2018",
            List.of("Good morning, everyone.", "Q: Any news on Yemen?"),
            List.of(),
            OUTLETS);
    assertNull(turns.get(0).speaker());
    assertEquals(SpeakerKind.UNKNOWN, turns.get(0).kind());
    assertEquals(SpeakerRole.STATEMENT, turns.get(0).role());
  }

  @Test
  void anOfficialIsFoundAfterTheJobTitleInATitleOrAnOpening() {
    assertEquals(
        new DocumentOfficial("Sergey Lavrov", "Foreign Minister"),
        DocumentOfficial.of(
            "Foreign Minister Sergey Lavrov's remarks and answers to media questions, Moscow,"
                + " 14 March 2017",
            null));
    assertEquals(
        new DocumentOfficial("Hua Chunying", "Spokesperson"),
        DocumentOfficial.of(
            "Regular Press Conference on March 3, 2021", "Spokesperson Hua Chunying opened it."));
    assertEquals(
        new DocumentOfficial("Jean-Yves Le Drian", "Minister"),
        DocumentOfficial.of("Minister Jean-Yves Le Drian Press Conference, 2 May 2017", null));
    assertEquals(DocumentOfficial.NONE, DocumentOfficial.of("Press briefing, 5 May 2018", null));
  }

  @Test
  void wordsOfATitleWithoutAnOfficeStayInTheName() {
    assertEquals("General Assembly", SpeakerLabel.withoutTitle("General Assembly")[1]);
    assertNull(SpeakerLabel.withoutTitle("General Assembly")[0]);
    assertEquals("Guterres", SpeakerLabel.withoutTitle("Secretary General Guterres")[1]);
    assertEquals("Secretary General", SpeakerLabel.withoutTitle("Secretary General Guterres")[0]);
  }

  @Test
  void aSpeechsOpeningNamesNoSpeakerEvenWithAQuoteLabelInside() {
    List<Turn> turns =
        TurnSegmenter.segment(
            null,
            List.of(
                "Allow me to congratulate Foreign Minister Hennadiy Udovenko on his election.",
                "Antoine de Saint-Exupéry: What is essential is invisible to the eye."),
            List.of(),
            OUTLETS);
    assertNull(turns.get(0).speaker());
    assertEquals(SpeakerKind.UNKNOWN, turns.get(0).kind());
    assertEquals(SpeakerRole.STATEMENT, turns.get(1).role());
  }
}
