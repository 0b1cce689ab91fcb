package org.discourseatlas.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.discourseatlas.text.DateParser;
import org.junit.jupiter.api.Test;

public class HtmlContentExtractorTest {
  public static final String ARTICLE_TITLE =
      "Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news"
          + " conference following talks with Minister of Foreign Affairs of the Republic of the Congo"
          + " Jean-Claude Gakosso, Moscow, March 14, 2017";

  /**
   * A ministry page in the modern layout: one article among nav, menus, share widget and footer.
   */
  public static String articlePage(String timeElement) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Remarks by Sergey Lavrov - The Ministry of Foreign Affairs of the Russian Federation</title>
          <script>var _top100q = _top100q || []; _top100q.push(["setAccount", "2683623"]);</script>
          <style>.share { float: right; }</style>
        </head>
        <body>
          <div class="site-logo">The Ministry of Foreign Affairs of the Russian Federation</div>
          <nav class="main-menu">
            <ul>
              <li><a href="/en/">Home</a></li>
              <li><a href="/en/press_service/">Press service</a></li>
              <li><a href="/en/foreign_policy/">Foreign policy</a></li>
            </ul>
          </nav>
          <ul class="lang-switch">
            <li><a href="/ru/">Russian</a></li>
            <li><a href="/en/">English</a></li>
            <li><a href="/tr/">Türkçe</a></li>
          </ul>
          <div class="breadcrumbs"><a href="/en/">Home</a> / <a href="/en/press_service/">Press service</a> / Transcripts</div>
          <article>
            <h1>%s</h1>
            %s
            <p>Question:&nbsp; Russia Today has shot a lot of footage in Iraq showing that the international coalition has often killed civilians. Why are the civilians in Mosul less of a news story?</p>
            <p>Sergey Lavrov: I think the answer is quite simple and it lies in the fact that those, who pose as the world community in this case, are egregiously biased.</p>
            <p>Just as the media created an overblown portrayal of the events in Aleppo, the city’s liberation from terrorists revealed a large number of facts.</p>
            <p>Question:&nbsp; What do you expect from the intra-Syrian talks in <b>Astana</b>?</p>
            <p>Sergey Lavrov: Right now, together with our colleagues from the Defence Ministry, we are looking into the recent developments.</p>
            <div class="share">
              <p>Share this</p>
              <a href="https://twitter.com/share">Twitter</a> <a href="https://facebook.com/share">Facebook</a>
            </div>
          </article>
          <footer>
            <p>© 2005–2017 The Ministry of Foreign Affairs of the Russian Federation</p>
            <p>Address: 32/34 Smolenskaya-Sennaya Square, Moscow, 119200</p>
            <p>Rambler's Top100</p>
          </footer>
          <script>document.write('<img src="//counter.rambler.ru/top100.cnt?2683623">');</script>
        </body>
        </html>
        """
        .formatted(ARTICLE_TITLE, timeElement);
  }

  /** An older embassy layout: tables of divs, no article or main, the text in div.content-main. */
  static final String CONTENT_DIV_PAGE =
      """
      <html>
      <head><title>Embassy of the Russian Federation in Turkey</title></head>
      <body>
        <div id="top">
          <div class="languages"><a href="/ru">Russian</a> | <a href="/en">English</a> | <a href="/tr">Türkçe</a></div>
          <div class="embassy-name">Embassy of the Russian Federation in Turkey</div>
        </div>
        <div class="wrapper">
          <div class="sidebar">
            <p>Press releases</p>
            <p>Consular issues</p>
            <p>Tel.: +90-312-439-21-83</p>
          </div>
          <div class="content-main">
            <h1>Foreign Ministry Spokesperson Maria Zakharova’s answer to a media question about the situation in Mosul</h1>
            <span class="date">03.11.2016</span>
            <p>Question: How would you comment on the reports of civilian casualties in Mosul?</p>
            <p>Maria Zakharova: We are following the developments in Mosul with great concern.</p>
            <p>According to the United Nations, tens of thousands of civilians have already fled the city, and their number is growing every day.</p>
          </div>
          <div class="right-column">
            <p>Archive</p>
            <p>Photo gallery</p>
            <p>Useful links</p>
          </div>
        </div>
        <div id="bottom">
          <div class="footer-counters">Rambler's Top100</div>
          <p class="copyright">© 2016 Embassy of the Russian Federation in Turkey</p>
        </div>
      </body>
      </html>
      """;

  private static void assertNoFurniture(List<String> blocks) {
    String all = String.join("\n", blocks);
    for (String furniture :
        List.of(
            "Home",
            "Press service",
            "Russian\n",
            "Türkçe",
            "Transcripts",
            "Share this",
            "Twitter",
            "Facebook",
            "©",
            "Address",
            "Top100",
            "_top100q",
            "document.write",
            "float",
            "Press releases",
            "Consular issues",
            "Tel.",
            "Archive",
            "Photo gallery",
            "Embassy of the")) {
      assertFalse(all.contains(furniture), "'" + furniture + "' survived in " + blocks);
    }
  }

  @Test
  void articlePageGivesTitleDateAndTheTranscriptParagraphsInOrder() {
    ExtractedPage page =
        HtmlContentExtractor.extract(
            articlePage("<time datetime=\"2017-03-14\">14 March 2017, 15:20</time>"));

    assertEquals(ARTICLE_TITLE, page.title());
    assertEquals(LocalDate.of(2017, 3, 14), page.date());
    List<String> blocks = page.blocks();
    assertEquals(5, blocks.size(), blocks.toString());
    assertTrue(blocks.get(0).startsWith("Question:"), blocks.get(0));
    assertTrue(blocks.get(0).endsWith("Why are the civilians in Mosul less of a news story?"));
    assertTrue(blocks.get(1).startsWith("Sergey Lavrov: I think the answer is quite simple"));
    assertTrue(blocks.get(2).startsWith("Just as the media created"));
    assertTrue(
        blocks.get(3).endsWith("What do you expect from the intra-Syrian talks in Astana?"),
        blocks.get(3));
    assertTrue(blocks.get(4).startsWith("Sergey Lavrov: Right now"));
    assertNoFurniture(blocks);
    assertFalse(String.join("\n", blocks).contains("15:20"), "the date element is not content");
  }

  @Test
  void dateComesFromTheTimeElementsTextWhenItsAttributeIsNotADate() {
    ExtractedPage page =
        HtmlContentExtractor.extract(articlePage("<time datetime=\"\">14 March 2017</time>"));

    assertEquals(LocalDate.of(2017, 3, 14), page.date());
  }

  @Test
  void dateComesFromAnIsoTimestampInTheDatetimeAttribute() {
    ExtractedPage page =
        HtmlContentExtractor.extract(
            articlePage("<time datetime=\"2017-03-14T15:20:00+03:00\">Tuesday, 15:20</time>"));

    assertEquals(LocalDate.of(2017, 3, 14), page.date());
  }

  @Test
  void contentDivAmongSidebarsIsFoundByItsParagraphText() {
    ExtractedPage page = HtmlContentExtractor.extract(CONTENT_DIV_PAGE);

    assertEquals(
        "Foreign Ministry Spokesperson Maria Zakharova’s answer to a media question about the"
            + " situation in Mosul",
        page.title());
    assertEquals(LocalDate.of(2016, 11, 3), page.date());
    assertEquals(
        List.of(
            "Question: How would you comment on the reports of civilian casualties in Mosul?",
            "Maria Zakharova: We are following the developments in Mosul with great concern.",
            "According to the United Nations, tens of thousands of civilians have already fled the"
                + " city, and their number is growing every day."),
        page.blocks());
    assertNoFurniture(page.blocks());
  }

  @Test
  void pageWithoutHeadingTakesItsTitleFromTheTitleElement() {
    ExtractedPage page =
        HtmlContentExtractor.extract(CONTENT_DIV_PAGE.replaceAll("<h1>.*</h1>", ""));

    assertEquals("Embassy of the Russian Federation in Turkey", page.title());
    assertEquals(3, page.blocks().size(), page.blocks().toString());
  }

  @Test
  void paragraphInsideAListItemIsReadOnce() {
    ExtractedPage page =
        HtmlContentExtractor.extract(
            """
            <html><body><article>
              <h1>Joint statement of the foreign ministers, Astana, January 24, 2017</h1>
              <p>The delegations agreed on the following:</p>
              <ul>
                <li><p>to establish a trilateral mechanism to observe the ceasefire;</p></li>
                <li>to fight jointly against ISIS and Jabhat al-Nusra.</li>
              </ul>
            </article></body></html>
            """);

    assertEquals(
        List.of(
            "The delegations agreed on the following:",
            "to establish a trilateral mechanism to observe the ceasefire;",
            "to fight jointly against ISIS and Jabhat al-Nusra."),
        page.blocks());
    assertEquals(LocalDate.of(2017, 1, 24), DateParser.find(page.title()).orElseThrow().date());
  }

  @Test
  void articleHeadingIsTheTitleEvenWhenTheSiteLogoIsAnH1() {
    String page =
        articlePage("<time datetime=\"2017-03-14\">14 March 2017</time>")
            .replace(
                "<div class=\"site-logo\">The Ministry of Foreign Affairs of the Russian Federation</div>",
                "<header><h1 class=\"logo\">The Ministry of Foreign Affairs of the Russian Federation</h1></header>");

    ExtractedPage extracted = HtmlContentExtractor.extract(page);

    assertEquals(ARTICLE_TITLE, extracted.title());
    assertEquals(5, extracted.blocks().size(), extracted.blocks().toString());
  }

  @Test
  void furnitureWordInTheBodysClassDoesNotRemoveTheTranscript() {
    String page =
        articlePage("<time datetime=\"2017-03-14\">14 March 2017</time>")
            .replace(
                "<body>",
                "<body class=\"html not-front not-logged-in one-sidebar sidebar-first page-node\">");

    ExtractedPage extracted = HtmlContentExtractor.extract(page);

    assertEquals(5, extracted.blocks().size(), extracted.blocks().toString());
  }

  // ---------------------------------------------------------------------------------------------
  // Pages of other ministries' sites, without <article> or <main>: src/test/resources/html/

  private static String fixture(String name) throws IOException {
    try (InputStream in = HtmlContentExtractorTest.class.getResourceAsStream("/html/" + name)) {
      assertNotNull(in, "missing fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Each block starts with its prefix, in this order, and there are no other blocks. */
  private static void assertBlocksStartWith(List<String> prefixes, List<String> blocks) {
    assertEquals(prefixes.size(), blocks.size(), String.join("\n", blocks));
    for (int i = 0; i < prefixes.size(); i++) {
      assertTrue(blocks.get(i).startsWith(prefixes.get(i)), "block " + i + ": " + blocks.get(i));
    }
  }

  private static void assertAbsent(List<String> blocks, String... furniture) {
    String all = String.join("\n", blocks);
    for (String text : furniture) {
      assertFalse(all.contains(text), "'" + text + "' survived in:\n" + all);
    }
  }

  private static final List<String> MODERN_CMS_BLOCKS =
      List.of(
          "Tomas Varga: Good afternoon, ladies and gentlemen.",
          "On 16 March, Foreign Minister Elena Marsh will hold talks",
          "On 18 March, the Minister will take part",
          "Question: Will the fisheries agreement with Estmark be signed",
          "Tomas Varga: The negotiators have agreed",
          "I would not like to anticipate",
          "Question: Some members of parliament",
          "Tomas Varga: Any agreement is a compromise.",
          "Question (via interpreter): Is Norland ready",
          "Tomas Varga: We have said many times",
          "Question: What is the position of the Ministry",
          "Tomas Varga: We have taken note",
          "Question: Will the Minister raise the case",
          "Tomas Varga: Yes. The Minister raises this case",
          "Thank you, that is all for today.");

  private static void assertModernCmsPage(ExtractedPage page) {
    assertEquals(
        "Briefing by Spokesperson Tomas Varga on current foreign policy issues", page.title());
    // From the dateline under the title, not from the <time>s of the news sidebar.
    assertEquals(LocalDate.of(2017, 3, 14), page.date());
    List<String> blocks = page.blocks();
    assertBlocksStartWith(MODERN_CMS_BLOCKS, blocks);
    assertEquals(
        "Tomas Varga: Good afternoon, ladies and gentlemen. Let me begin with the Foreign Minister's"
            + " schedule for the coming week, which is rather busy.",
        blocks.get(0));
    assertEquals(
        "Thank you, that is all for today. The next briefing will take place on 21 March.",
        blocks.get(blocks.size() - 1));
    assertAbsent(
        blocks,
        // cookie banner, logo, language switch, mega menu, breadcrumbs
        "cookies",
        "Learn more",
        "Got it",
        "Ministry of Foreign Affairs of the Republic",
        "Norsk",
        "Français",
        "Home",
        "Structure of the Ministry",
        "Accreditation of journalists",
        "Site map",
        "Press Centre",
        // dateline and widgets inside the content
        "14 March 2017",
        "15:20",
        "Print version",
        "Back to top",
        "Photo: MFA press service",
        "Read also",
        "Secretary General of the Arctic Council",
        "Keywords",
        "Fisheries,",
        "Share",
        "Facebook",
        "Twitter",
        "E-mail",
        // the "Latest news" sidebar: headlines and teasers
        "Latest news",
        "meets ambassadors of the Nordic countries",
        "briefed the ambassadors",
        "Experts from eleven countries",
        "photographers from the coastal regions",
        "All news",
        // footer
        "Address",
        "Harbour Square",
        "Tel.",
        "©",
        "All rights reserved",
        "Privacy policy",
        "RSS");
  }

  @Test
  void modernCmsPageWithoutArticleOrMainGivesTheTranscriptByTextDensity() throws IOException {
    assertModernCmsPage(HtmlContentExtractor.extract(fixture("modern-cms-div-soup.html")));
  }

  @Test
  void modernCmsPageGivesTheSameTranscriptWithoutAnyClassOrIdHints() throws IOException {
    String withoutHints =
        fixture("modern-cms-div-soup.html").replaceAll(" (class|id)=\"[^\"]*\"", "");

    assertModernCmsPage(HtmlContentExtractor.extract(withoutHints));
  }

  private static final List<String> OLD_TABLE_BLOCKS =
      List.of(
          "Question: Mrs Lind, the government has announced a review",
          "Marta Lind: The review does not mean",
          "Over the last ten years",
          "Question: Which countries will remain on the list?",
          "Marta Lind: The final list",
          "Question: Critics say",
          "Marta Lind: I do not think so.",
          "Question: Will the budget for humanitarian aid be affected?",
          "Marta Lind: No. Humanitarian aid",
          "Question: Estmark has offered",
          "Marta Lind: We welcome the offer.",
          "The first joint projects",
          "Question: What is your message",
          "Marta Lind: My message is",
          "Question: Thank you for the interview.",
          "Marta Lind: Thank you.");

  @Test
  void oldTableLayoutGivesTheBrSeparatedParagraphsOfTheTextCell() throws IOException {
    ExtractedPage page = HtmlContentExtractor.extract(fixture("old-table-layout.html"));

    // No article heading: <title> without the site's name; the site-name <h1> is not the title.
    assertEquals(
        "Interview of Deputy Foreign Minister Marta Lind to the newspaper Norland Herald",
        page.title());
    assertEquals(LocalDate.of(2009, 5, 17), page.date()); // the dateline "17.05.2009 - 12:40"
    List<String> blocks = page.blocks();
    assertBlocksStartWith(OLD_TABLE_BLOCKS, blocks);
    // "<b>Question:</b><br>Which countries ..." is one paragraph: the label stays with its text.
    assertEquals("Question: Which countries will remain on the list?", blocks.get(3));
    assertEquals("Marta Lind: Thank you.", blocks.get(blocks.size() - 1));
    assertAbsent(
        blocks,
        "Ministry of Foreign Affairs",
        "Home page",
        "Structure",
        "Visa regime",
        "Archive",
        "Useful links",
        "Contacts",
        "Press service",
        "Tel.",
        "Fax",
        "17.05.2009",
        "12:40",
        "Print version",
        "Back to top",
        "©",
        "All rights reserved",
        "Harbour Square",
        "Interview of Deputy Foreign Minister");
  }

  private static final List<String> TEASER_PAGE_BLOCKS =
      List.of(
          "Foreign Minister Elena Marsh and the Foreign Minister of Estmark, Jonas Berg, held",
          "Elena Marsh: Dear colleagues",
          "We have signed a memorandum",
          "Jonas Berg: Thank you, Elena.",
          "Question: Minister Berg, when will the new rules",
          "Jonas Berg: The memorandum provides",
          "Question: Minister Marsh, did you discuss",
          "Elena Marsh: Yes, we did.",
          "Jonas Berg: I would only add",
          "Question: Are the two countries going to coordinate",
          "Elena Marsh: We always consult each other",
          "Question: What about the visa facilitation agreement",
          "Jonas Berg: The experts will meet again",
          "Elena Marsh: Thank you all.");

  @Test
  void teaserArticleInTheSidebarIsNotTheContentNorItsHeadingTheTitle() throws IOException {
    ExtractedPage page = HtmlContentExtractor.extract(fixture("teaser-article-sidebar.html"));

    assertEquals(
        "Joint press conference of Foreign Minister Elena Marsh and Foreign Minister of Estmark"
            + " Jonas Berg",
        page.title());
    assertEquals(LocalDate.of(2019, 6, 21), page.date()); // meta[name=pubdate]
    List<String> blocks = page.blocks();
    assertBlocksStartWith(TEASER_PAGE_BLOCKS, blocks);
    assertEquals(
        "Elena Marsh: Thank you all. We will be glad to see you again at the next meeting in"
            + " Estmark.",
        blocks.get(blocks.size() - 1));
    assertAbsent(
        blocks,
        "cultural season",
        "concerts, exhibitions",
        "More",
        "All news",
        "Speeches",
        "Interviews",
        "Home",
        "Consular services",
        "Search",
        "Published",
        "21 June 2019",
        "after signing the memorandum",
        "Share",
        "Facebook",
        "Twitter",
        "Telegram",
        "Print",
        "Most read",
        "region of peace",
        "border crossing hours",
        "©",
        "Harbour Square",
        "cookie",
        "Accept");
  }

  @Test
  void pageWithoutAHeadingTakesOgTitleWithoutTheSiteName() throws IOException {
    String page =
        fixture("teaser-article-sidebar.html")
            .replaceAll("<h1>Joint press conference[^<]*</h1>", "");

    ExtractedPage extracted = HtmlContentExtractor.extract(page);

    assertEquals(
        "Joint press conference of Foreign Minister Elena Marsh and Foreign Minister of Estmark"
            + " Jonas Berg",
        extracted.title());
    assertEquals(
        TEASER_PAGE_BLOCKS.size(), extracted.blocks().size(), extracted.blocks().toString());
  }

  @Test
  void brSeparatedParagraphsOfADivAreSeparateBlocks() {
    ExtractedPage page =
        HtmlContentExtractor.extract(
            """
            <html><head><title>Press conference of the Minister - MFA</title></head><body>
              <div id="m"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/contacts">Contacts</a></div>
              <div id="text">
                <b>Question:</b> How are the talks on the new trade agreement going?<br>
                <b>Minister Brown:</b> They are going well, and we expect to finish the work<br>
                by the end of the year.<br><br>
                We have already agreed on most chapters of the agreement.<br/>
                <b>Question:</b><br>
                Thank you very much for your answers.
              </div>
            </body></html>
            """);

    assertEquals("Press conference of the Minister", page.title());
    assertEquals(
        List.of(
            "Question: How are the talks on the new trade agreement going?",
            "Minister Brown: They are going well, and we expect to finish the work",
            "by the end of the year.",
            "We have already agreed on most chapters of the agreement.",
            "Question: Thank you very much for your answers."),
        page.blocks());
  }

  @Test
  void dateComesFromArticlePublishedTimeMetadata() {
    ExtractedPage page =
        HtmlContentExtractor.extract(
            articlePage("")
                .replace(
                    "<meta charset=\"utf-8\">",
                    "<meta charset=\"utf-8\"><meta property=\"article:published_time\""
                        + " content=\"2017-03-15T09:00:00+03:00\">"));

    assertEquals(LocalDate.of(2017, 3, 15), page.date());
  }

  @Test
  void newsTeasersInsideMainAreNotContent() {
    StringBuilder teasers = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      teasers
          .append("<div><h3><a href=\"/news/%d\">".formatted(i))
          .append(
              "Minister meets the delegation of the partner country number %d</a></h3>"
                  .formatted(i))
          .append(
              "<p>The sides discussed bilateral cooperation and regional issues, teaser %d.</p>"
                  .formatted(i))
          .append("</div>");
    }
    StringBuilder transcript = new StringBuilder();
    for (int i = 1; i <= 15; i++) {
      transcript.append(
          "<p>%s: paragraph %d of the transcript, long enough to be a real paragraph of speech.</p>"
              .formatted(i % 2 == 1 ? "Question" : "Minister Brown", i));
    }
    ExtractedPage page =
        HtmlContentExtractor.extract(
            "<html><body><main><div class=\"col-8\"><h1>Remarks by Minister Brown</h1>"
                + transcript
                + "</div><div class=\"col-4\">"
                + teasers
                + "</div></main></body></html>");

    assertEquals(15, page.blocks().size(), page.blocks().toString());
    assertTrue(page.blocks().get(0).startsWith("Question: paragraph 1 "));
    assertTrue(page.blocks().get(14).startsWith("Question: paragraph 15 "));
    assertAbsent(page.blocks(), "teaser", "Minister meets the delegation");
  }

  @Test
  void transcriptWithALinkAfterEachParagraphKeepsItsParagraphs() {
    StringBuilder html = new StringBuilder("<html><body><div class=\"text\">");
    for (int i = 1; i <= 6; i++) {
      html.append(
              "<p>Minister Brown: paragraph %d of the answer, long enough to count.</p>"
                  .formatted(i))
          .append("<p><a href=\"/video/%d\">Watch the video of this answer</a></p>".formatted(i));
    }
    html.append("</div></body></html>");

    ExtractedPage page = HtmlContentExtractor.extract(html.toString());

    assertEquals(6, page.blocks().size(), page.blocks().toString());
    assertAbsent(page.blocks(), "Watch the video");
  }

  /**
   * A page nested 100,000 elements deep (broken or hostile markup): the walk over it overflowed the
   * stack when it was recursive. Now it gives the text at the bottom, in bounded time.
   */
  @Test
  void pageNestedAHundredThousandDeepGivesItsTextWithoutOverflowingTheStack() {
    int depth = 100_000;
    String answer =
        "Sergey Lavrov: The humanitarian corridors in eastern Aleppo are open and the convoys"
            + " are moving.";
    String html =
        "<html><body>"
            + "<div>".repeat(depth)
            + "<p>"
            + answer
            + "</p>"
            + "<span><b>".repeat(depth / 2)
            + "inline text nested deep"
            + "</div>".repeat(depth)
            + "</body></html>";

    ExtractedPage page =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(60), () -> HtmlContentExtractor.extract(html));

    assertTrue(page.blocks().contains(answer), page.blocks().toString());
    assertTrue(page.blocks().contains("inline text nested deep"), page.blocks().toString());
  }
}
