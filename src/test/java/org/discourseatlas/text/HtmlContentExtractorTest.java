package org.discourseatlas.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlContentExtractorTest {
  static final String ARTICLE_TITLE =
      "Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news"
          + " conference following talks with Minister of Foreign Affairs of the Republic of the Congo"
          + " Jean-Claude Gakosso, Moscow, March 14, 2017";

  /** A ministry page in the modern layout: one article among nav, menus, share widget and footer. */
  static String articlePage(String timeElement) {
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
        List.of("Home", "Press service", "Russian\n", "Türkçe", "Transcripts", "Share this", "Twitter",
            "Facebook", "©", "Address", "Top100", "_top100q", "document.write", "float", "Press releases",
            "Consular issues", "Tel.", "Archive", "Photo gallery", "Embassy of the")) {
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
    assertTrue(blocks.get(3).endsWith("What do you expect from the intra-Syrian talks in Astana?"), blocks.get(3));
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
            .replace("<body>", "<body class=\"html not-front not-logged-in one-sidebar sidebar-first page-node\">");

    ExtractedPage extracted = HtmlContentExtractor.extract(page);

    assertEquals(5, extracted.blocks().size(), extracted.blocks().toString());
  }
}
