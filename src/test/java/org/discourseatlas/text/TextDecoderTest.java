package org.discourseatlas.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private static final String HEADER =
      MinistrySnippets.ADDRESS + "\n" + MinistrySnippets.TEL + "\n\n" + MinistrySnippets.TITLE + "\n";

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
            () -> TextDecoder.decode(MinistrySnippets.ANSWER_1.getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(RejectReason.BINARY, e.reason());
  }

  @Test
  void windows1251RussianTextIsUndecodable() {
    byte[] cp1251 =
        "Министр иностранных дел России Сергей Лавров: Ответ, я думаю, достаточно прост."
            .getBytes(Charset.forName("windows-1251"));

    RejectedInputException e =
        assertThrows(RejectedInputException.class, () -> TextDecoder.decode(cp1251));
    assertEquals(RejectReason.UNDECODABLE, e.reason());
  }

  @Test
  void windows1252TurkishAddressIsUndecodable() {
    byte[] cp1252 = "Adress: Çankaya, Ankara Türkiye".getBytes(Charset.forName("windows-1252"));

    RejectedInputException e =
        assertThrows(RejectedInputException.class, () -> TextDecoder.decode(cp1252));
    assertEquals(RejectReason.UNDECODABLE, e.reason());
  }
}
