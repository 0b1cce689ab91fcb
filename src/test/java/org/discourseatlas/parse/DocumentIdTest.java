package org.discourseatlas.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DocumentIdTest {
  private static final String UNIX =
      "Why are the civilians in Mosul less of a news story for the international media?\n\n"
          + "I think the answer is quite simple.\n\nJust as the media created an overblown portrayal"
          + " of the events in Aleppo, the city’s liberation revealed a large number of facts.";

  @Test
  void idIs32LowercaseHexCharacters() {
    assertTrue(DocumentId.of(UNIX).matches("[0-9a-f]{32}"), DocumentId.of(UNIX));
  }

  @Test
  void idIsTheFirst128BitsOfSha256OfTheFoldedText() {
    // printf '%s' 'Sergey Lavrov: I think the answer is quite simple.' | sha256sum, first 32 hex
    // digits
    assertEquals(
        "7c4a97c1ddc9d13778aed7579830ca16",
        DocumentId.of("Sergey Lavrov: I think the answer is quite simple."));
  }

  @Test
  void windowsLineEndingsAndExtraSpacesGiveTheSameId() {
    String windows =
        "  Why are the civilians in Mosul less of a news story for the international media?\r\n\r\n"
            + "I think the answer  is quite\tsimple.\r\n\r\n\r\nJust as the media created an overblown"
            + " portrayal\r\nof the events in Aleppo, the city’s liberation revealed a large number of"
            + " facts.\r\n";

    assertEquals(DocumentId.of(UNIX), DocumentId.of(windows));
  }

  @Test
  void decomposedAndPrecomposedLettersGiveTheSameId() {
    String precomposed = "Talks in Çankaya on the Türkçe edition of the statement.";
    String decomposed =
        "Talks in C\u0327ankaya on the Tu\u0308rkc\u0327e edition of the statement.";

    assertNotEquals(precomposed, decomposed);
    assertEquals(DocumentId.of(precomposed), DocumentId.of(decomposed));
  }

  @Test
  void differentTextGivesADifferentId() {
    String otherCity = UNIX.replace("Mosul", "Raqqa");

    assertNotEquals(DocumentId.of(UNIX), DocumentId.of(otherCity));
  }

  @Test
  void aDocumentsIdIsTheHashOfItsText() {
    FinishedTranscript document =
        new FinishedTranscript(
            "file:/corpus/mfa-russia/a.txt",
            "txt",
            "UTF-8",
            null,
            null,
            null,
            null,
            "mfa-russia",
            null,
            "en",
            java.util.Map.of(),
            UNIX,
            java.util.List.of());
    assertEquals(DocumentId.of(UNIX), document.docId());
  }
}
