package org.discourseatlas.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.discourseatlas.testing.MinistrySnippets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private static final String HEADER =
      MinistrySnippets.ADDRESS
          + "\n"
          + MinistrySnippets.TEL
          + "\n\n"
          + MinistrySnippets.TITLE
          + "\n";

  @Test
  void decodesUtf8WithTurkishLettersAndCurlyApostrophes() throws Exception {
    DecodedText decoded = TextDecoder.decode(HEADER.getBytes(StandardCharsets.UTF_8));

    assertEquals(HEADER, decoded.text());
    assertEquals("UTF-8", decoded.encoding());
    assertTrue(decoded.text().contains("Çankaya"));
    assertTrue(decoded.text().contains("Lavrov’s"));
  }

  @Test
  void utf8ByteOrderMarkIsDroppedAndNamedInTheEncoding() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write(HEADER.getBytes(StandardCharsets.UTF_8));

    DecodedText decoded = TextDecoder.decode(bytes.toByteArray());

    assertEquals(HEADER, decoded.text());
    assertEquals("UTF-8-BOM", decoded.encoding());
    assertTrue(decoded.text().startsWith("Adress:"), "the BOM must not stay in the text");
  }

  @Test
  void zeroBytesAreEmpty() {
    RejectedInputException e =
        assertThrows(RejectedInputException.class, () -> TextDecoder.decode(new byte[0]));
    assertEquals(RejectReason.EMPTY, e.reason());
  }

  @Test
  void onlyWhiteSpaceIsEmpty() {
    RejectedInputException e =
        assertThrows(
            RejectedInputException.class,
            () -> TextDecoder.decode(" \r\n\t\r\n  \n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(RejectReason.EMPTY, e.reason());
  }

  @Test
  void aByteOrderMarkAloneIsEmpty() {
    RejectedInputException e =
        assertThrows(
            RejectedInputException.class,
            () -> TextDecoder.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}));
    assertEquals(RejectReason.EMPTY, e.reason());
  }

  @Test
  void pdfWithNulBytesIsBinary() {
    byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] withNul = new byte[pdf.length + 4];
    System.arraycopy(pdf, 0, withNul, 0, pdf.length);
    // withNul ends in four NUL bytes, as a PDF's binary stream would hold

    RejectedInputException e =
        assertThrows(RejectedInputException.class, () -> TextDecoder.decode(withNul));
    assertEquals(RejectReason.BINARY, e.reason());
    assertTrue(e.detail().contains("offset " + pdf.length), e.detail());
  }

  @Test
  void utf16TranscriptIsBinaryBecauseOfItsNulBytes() {
    RejectedInputException e =
        assertThrows(
            RejectedInputException.class,
            () ->
                TextDecoder.decode(MinistrySnippets.ANSWER_1.getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(RejectReason.BINARY, e.reason());
  }

  // --- legacy single-byte encodings -------------------------------------------------------------

  private static final Charset CP1251 = Charset.forName("windows-1251");
  private static final Charset CP1252 = Charset.forName("windows-1252");

  private static final String RUSSIAN =
      "Министр иностранных дел Российской Федерации Сергей Лавров ответил на вопросы СМИ по"
          + " итогам переговоров с Министром иностранных дел Конго. Мы считаем, что урегулирование"
          + " сирийского кризиса возможно только политическими средствами, и являемся сторонниками"
          + " продолжения межсирийского диалога в Астане и Женеве.";

  @Test
  void windows1251RussianMinistryTextIsDecoded() throws Exception {
    DecodedText decoded = TextDecoder.decode(RUSSIAN.getBytes(CP1251));

    assertEquals(RUSSIAN, decoded.text());
    assertEquals("windows-1251", decoded.encoding());
  }

  @Test
  void windows1251RussianWithQuotesAndDashesIsDecoded() throws Exception {
    // In MacCyrillic these punctuation bytes are capital letters: they must not tip the choice.
    String text =
        "Вопрос: «Как Вы оцениваете итоги встречи?» С.В.Лавров: „Мы удовлетворены“ – это"
            + " важный шаг… Песков — о Японии; № 5.";

    DecodedText decoded = TextDecoder.decode(text.getBytes(CP1251));

    assertEquals(text, decoded.text());
    assertEquals("windows-1251", decoded.encoding());
  }

  @Test
  void shortWindows1251LineIsDecoded() throws Exception {
    String line = "Лавров: ответ, я думаю, достаточно прост.";

    DecodedText decoded = TextDecoder.decode(line.getBytes(CP1251));

    assertEquals(line, decoded.text());
    assertEquals("windows-1251", decoded.encoding());
  }

  @Test
  void everyFortyCharacterSliceOfRussianTextIsWindows1251EvenWhereTheDetectorSaysOtherwise()
      throws Exception {
    int detectorDisagreed = 0;
    for (int start = 0; start + 40 <= RUSSIAN.length(); start += 3) {
      String slice = RUSSIAN.substring(start, start + 40);
      byte[] bytes = slice.getBytes(CP1251);
      if (!"WINDOWS-1251".equals(TextDecoder.detectCharset(bytes))) {
        detectorDisagreed++;
      }

      DecodedText decoded = TextDecoder.decode(bytes);

      assertEquals(slice, decoded.text());
      assertEquals("windows-1251", decoded.encoding(), slice);
    }
    // Mozilla's detector answers MacCyrillic for some short 1251 slices: the fallback is used.
    assertTrue(detectorDisagreed > 0, "no slice exercised the fallback");
  }

  @Test
  void oneCyrillicWordIsWindows1251() throws Exception {
    DecodedText decoded = TextDecoder.decode("Лавров".getBytes(CP1251));

    assertEquals("Лавров", decoded.text());
    assertEquals("windows-1251", decoded.encoding());
  }

  @Test
  void windows1252FrenchAndGermanWithCurlyQuotesAndDashesIsWindows1252() throws Exception {
    String text =
        "Le ministre a déclaré : « Nous sommes prêts à coopérer » – une position ferme, même si"
            + " l’été fut difficile.\nDer Außenminister sagte, die Gespräche über die Ukraine"
            + " seien „schwierig“ gewesen — Grüße aus Genf, 12 €.";
    byte[] bytes = text.getBytes(CP1252);

    DecodedText decoded = TextDecoder.decode(bytes);

    assertEquals(text, decoded.text());
    assertEquals("windows-1252", decoded.encoding());
  }

  @Test
  void latin1TextWithoutC1BytesIsIso88591() throws Exception {
    String text =
        "Le ministre a déclaré que la coopération économique reste une priorité pour les deux"
            + " pays. Über die Größe der Delegation wurde nicht gesprochen.";
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    for (byte b : bytes) {
      assertFalse((b & 0xFF) >= 0x80 && (b & 0xFF) <= 0x9F, "test text must have no C1 byte");
    }

    DecodedText decoded = TextDecoder.decode(bytes);

    assertEquals(text, decoded.text());
    assertEquals("ISO-8859-1", decoded.encoding(), "documented choice without 0x80-0x9F bytes");
  }

  @Test
  void windows1252TurkishAddressWithoutC1BytesIsIso88591() throws Exception {
    String address = "Adress: Çankaya, Ankara Türkiye";

    DecodedText decoded = TextDecoder.decode(address.getBytes(CP1252));

    assertEquals(address, decoded.text());
    assertEquals("ISO-8859-1", decoded.encoding());
  }

  @Test
  void englishTextWithOneAccentedWordIsWesternNotCyrillic() throws Exception {
    String text =
        "Sergey Lavrov met the press at the café of the Ministry after the talks in Moscow.";

    DecodedText decoded = TextDecoder.decode(text.getBytes(CP1252));

    assertEquals(text, decoded.text());
    assertEquals("ISO-8859-1", decoded.encoding());
  }

  @Test
  void aEuroSignAloneMakesItWindows1252() throws Exception {
    DecodedText decoded = TextDecoder.decode("Price: 12 €".getBytes(CP1252));

    assertEquals("Price: 12 €", decoded.text());
    assertEquals("windows-1252", decoded.encoding());
  }

  @Test
  void validUtf8AlwaysWinsOverWindows1251() throws Exception {
    // UTF-8 Cyrillic is also "valid" Windows-1251 (as "РњРёРЅРёСЃС‚СЂ"): UTF-8 must win.
    DecodedText decoded = TextDecoder.decode(RUSSIAN.getBytes(StandardCharsets.UTF_8));

    assertEquals(RUSSIAN, decoded.text());
    assertEquals("UTF-8", decoded.encoding());
  }

  @Test
  void pureAsciiIsUtf8() throws Exception {
    byte[] ascii = MinistrySnippets.ANSWER_1.getBytes(StandardCharsets.US_ASCII);

    DecodedText decoded = TextDecoder.decode(ascii);

    assertEquals(MinistrySnippets.ANSWER_1, decoded.text());
    assertEquals("UTF-8", decoded.encoding());
  }

  @Test
  void utf8ByteOrderMarkWithRussianTextIsUnchanged() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write(RUSSIAN.getBytes(StandardCharsets.UTF_8));

    DecodedText decoded = TextDecoder.decode(bytes.toByteArray());

    assertEquals(RUSSIAN, decoded.text());
    assertEquals("UTF-8-BOM", decoded.encoding());
  }

  @Test
  void controlBytesThatAreNotTextInAnyEncodingAreUndecodable() {
    // A terminal capture: escape sequences and C0/C1 controls, no NUL, not UTF-8.
    byte[] bytes = {
      0x1B,
      '[',
      '2',
      'J',
      0x01,
      0x02,
      (byte) 0x98,
      0x03,
      0x04,
      0x05,
      0x06,
      0x07,
      0x08,
      0x0E,
      0x0F,
      0x10,
      0x11,
      0x7F,
      (byte) 0x9D,
      0x1B,
      '[',
      'H',
      0x18,
      0x19
    };

    RejectedInputException e =
        assertThrows(RejectedInputException.class, () -> TextDecoder.decode(bytes));
    assertEquals(RejectReason.UNDECODABLE, e.reason());
    assertTrue(e.detail().contains("windows-1251"), e.detail());
    assertTrue(e.detail().contains("windows-1252"), e.detail());
    assertTrue(e.detail().contains("control characters"), e.detail());
  }

  @Test
  void compressedDataWithoutNulBytesIsUndecodable() {
    // Deterministic pseudo-random bytes without NUL, as in a gzip stream's first kilobytes.
    byte[] bytes = new byte[4096];
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      bytes[i] = (byte) (1 + Math.floorMod(x, 255));
    }

    RejectedInputException e =
        assertThrows(RejectedInputException.class, () -> TextDecoder.decode(bytes));
    assertEquals(RejectReason.UNDECODABLE, e.reason());
  }

  @Test
  void koi8rRussianTextIsUndecodableAndNamedNotMisreadAsWindows1251() {
    // KOI8-R read as Windows-1251 is case-swapped ("мЫ СЧИТАЕМ"): refuse it, and say why.
    String sentence =
        "Мы считаем, что урегулирование сирийского кризиса возможно только политическими"
            + " средствами.";
    byte[] koi8 = sentence.getBytes(Charset.forName("KOI8-R"));
    assertTrue(
        DecodingScore.of(koi8, "windows-1251").fits(),
        "precondition: the 1251 reading passes the plausibility limits on its own");

    RejectedInputException e =
        assertThrows(RejectedInputException.class, () -> TextDecoder.decode(koi8));
    assertEquals(RejectReason.UNDECODABLE, e.reason());
    assertTrue(e.detail().contains("the bytes are KOI8-R"), e.detail());
  }

  @Test
  void macCyrillicParagraphIsUndecodableAndNamed() {
    // MacCyrillic read as 1251 loses its capitals to punctuation ("‚опрос", "Њинистр").
    byte[] mac = RUSSIAN.getBytes(Charset.forName("x-MacCyrillic"));
    assertTrue(
        DecodingScore.of(mac, "windows-1251").fits(),
        "precondition: the 1251 reading passes the plausibility limits on its own");

    RejectedInputException e =
        assertThrows(RejectedInputException.class, () -> TextDecoder.decode(mac));
    assertEquals(RejectReason.UNDECODABLE, e.reason());
    assertTrue(e.detail().contains("the bytes are MACCYRILLIC"), e.detail());
  }

  @Test
  void ibm866RussianTextIsUndecodable() {
    byte[] dos = RUSSIAN.getBytes(Charset.forName("IBM866"));

    RejectedInputException e =
        assertThrows(RejectedInputException.class, () -> TextDecoder.decode(dos));
    assertEquals(RejectReason.UNDECODABLE, e.reason());
    assertTrue(e.detail().contains("IBM866"), e.detail());
  }

  @Test
  void byteOrderMarkFollowedByWindows1251IsUndecodable() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0xEF);
    bytes.write(0xBB);
    bytes.write(0xBF);
    bytes.writeBytes(RUSSIAN.getBytes(CP1251));

    RejectedInputException e =
        assertThrows(RejectedInputException.class, () -> TextDecoder.decode(bytes.toByteArray()));
    assertEquals(RejectReason.UNDECODABLE, e.reason());
    assertTrue(e.detail().contains("byte-order mark"), e.detail());
  }
}
