package org.discourseatlas.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an input's bytes into text, refusing binary data and byte sequences that are not UTF-8.
 *
 * <p>Legacy single-byte encodings (Windows-1251/1252, ISO-8859-1) are detected by the ingestion
 * issue; until then such a file is a reject with reason {@code undecodable}, never a page of
 * mojibake.
 */
public final class TextDecoder {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  /** How far into a file to look for NUL bytes: enough to catch every common binary header. */
  private static final int BINARY_SNIFF_BYTES = 8192;

  private TextDecoder() {}

  public static DecodedText decode(byte[] bytes) throws RejectedInputException {
    if (bytes.length == 0) {
      throw new RejectedInputException(RejectReason.EMPTY, "file has 0 bytes");
    }
    int sniff = Math.min(bytes.length, BINARY_SNIFF_BYTES);
    for (int i = 0; i < sniff; i++) {
      if (bytes[i] == 0) {
        throw new RejectedInputException(
            RejectReason.BINARY, "NUL byte at offset " + i + ": not a text file");
      }
    }
    boolean bom = startsWith(bytes, UTF8_BOM);
    int offset = bom ? UTF8_BOM.length : 0;
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString();
      if (text.isBlank()) {
        throw new RejectedInputException(RejectReason.EMPTY, "file holds only white space");
      }
      return new DecodedText(text, bom ? "UTF-8-BOM" : "UTF-8");
    } catch (CharacterCodingException e) {
      throw new RejectedInputException(
          RejectReason.UNDECODABLE, "not valid UTF-8 (" + e.getMessage() + ")");
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
