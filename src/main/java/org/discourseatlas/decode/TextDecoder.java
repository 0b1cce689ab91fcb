package org.discourseatlas.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns an input's bytes into text: UTF-8 (with or without a byte-order mark) first, then the
 * legacy single-byte encodings that foreign-ministry sites still serve: Windows-1251 (Cyrillic),
 * Windows-1252 and ISO-8859-1 (Western). Binary data, and bytes that no supported encoding turns
 * into plausible text, are rejects, never a page of mojibake.
 *
 * <p>How a legacy encoding is chosen (docs/decisions/0006-encoding-and-language-detection.md):
 *
 * <ol>
 *   <li>Valid UTF-8 always wins; pure ASCII is {@code "UTF-8"}. A file that starts with a UTF-8
 *       byte-order mark but is not valid UTF-8 is not second-guessed: it is undecodable.
 *   <li>The Western candidate is {@code "windows-1252"} when any byte is in 0x80–0x9F (C1 control
 *       codes in ISO-8859-1, typographic characters in Windows-1252), else {@code "ISO-8859-1"}:
 *       without such a byte the two decode identically and the narrower name is recorded.
 *   <li>The Western and the {@code "windows-1251"} decodings are scored word by word. A word is
 *       implausible when it mixes scripts ("cafй": Latin-1 read as 1251), has a capital after a
 *       lower-case letter ("мИНИСТР": KOI8-R read as 1251), has a symbol between its letters
 *       ("¨­¨áâà": IBM866 read as 1252), or is mostly accented Latin letters ("Ìèíèñòð", "îì":
 *       Cyrillic read as 1252). A decoding fits when at most {@value #MAX_CONTROL_PERCENT}% of its
 *       characters are controls or U+FFFD and at most {@value #MAX_IMPLAUSIBLE_PERCENT}% of its
 *       letters are in implausible words; of those that fit, the higher {@code
 *       DecodingScore.quality()} wins (letters of plausible words, minus implausible letters and
 *       controls); on a tie, the one Mozilla's universal charset detector (juniversalchardet)
 *       names, then the Western one.
 *   <li>The detector alone is not trusted. It names Windows-1252 for any Latin text, and on short
 *       Windows-1251 text (under ~160 bytes) it answers MacCyrillic one time in five. When it names
 *       an encoding the job does not read (KOI8-R, IBM866, MacCyrillic, ISO-8859-5, GB18030, ...),
 *       that decoding is scored too, and the input is refused for it only when it reads better than
 *       every supported one by more than {@value #UNSUPPORTED_MARGIN} letters.
 *   <li>When nothing fits, the input is {@link RejectReason#UNDECODABLE}; the detail names the
 *       detector's answer and what each decoding scored.
 * </ol>
 */
public final class TextDecoder {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** How far into a file to look for NUL bytes: enough to catch every common binary header. */
  private static final int BINARY_SNIFF_BYTES = 8192;

  /** How much the charset detector reads; it usually decides well before. */
  private static final int DETECTOR_MAX_BYTES = 256 * 1024;

  static final String WINDOWS_1251 = "windows-1251";
  static final String WINDOWS_1252 = "windows-1252";
  static final String ISO_8859_1 = "ISO-8859-1";

  /** A candidate with more controls or replacement characters than this share does not fit. */
  static final int MAX_CONTROL_PERCENT = 1;

  /** A candidate with more letters than this share in implausible words does not fit. */
  static final int MAX_IMPLAUSIBLE_PERCENT = 20;

  /**
   * How much better (in {@code DecodingScore.quality()}) the detector's unsupported encoding must
   * read before a file is refused for it: refusing real Windows-1251 text is worse than reading a
   * rare short MacCyrillic file with a few wrong capitals.
   */
  static final int UNSUPPORTED_MARGIN = 2;

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
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString();
    } catch (CharacterCodingException e) {
      if (bom) {
        // The file says it is UTF-8; guessing another encoding behind its back would be worse.
        throw new RejectedInputException(
            RejectReason.UNDECODABLE,
            "starts with a UTF-8 byte-order mark but is not valid UTF-8 (" + e.getMessage() + ")");
      }
      return decodeLegacy(bytes, e.getMessage());
    }
    requireNotBlank(text);
    return new DecodedText(text, bom ? "UTF-8-BOM" : "UTF-8");
  }

  private static DecodedText decodeLegacy(byte[] bytes, String utf8Error)
      throws RejectedInputException {
    String detected = detectCharset(bytes);
    String western = hasC1Byte(bytes) ? WINDOWS_1252 : ISO_8859_1;
    String preferred = preferredCandidate(detected, western);

    List<DecodingScore> candidates =
        List.of(DecodingScore.of(bytes, western), DecodingScore.of(bytes, WINDOWS_1251));
    DecodingScore best = null;
    for (DecodingScore s : candidates) {
      if (s.fits() && (best == null || better(s, best, preferred))) {
        best = s;
      }
    }
    // The detector named an encoding the job does not read (KOI8-R, IBM866, MacCyrillic, ...):
    // believe it only when the bytes read better that way than in any supported encoding, since
    // on short Windows-1251 inputs it often says MacCyrillic.
    DecodingScore unsupported = preferred == null ? scoreUnsupported(bytes, detected) : null;
    if (unsupported != null
        && unsupported.fits()
        && (best == null || unsupported.quality() > best.quality() + UNSUPPORTED_MARGIN)) {
      throw new RejectedInputException(
          RejectReason.UNDECODABLE,
          "not valid UTF-8 ("
              + utf8Error
              + "); the bytes are "
              + detected
              + " (charset detector's answer, and the most plausible decoding), which is not"
              + " read: supported are UTF-8, windows-1251, windows-1252, ISO-8859-1; "
              + describeAll(candidates, unsupported));
    }
    if (best == null) {
      throw new RejectedInputException(
          RejectReason.UNDECODABLE,
          "not valid UTF-8 ("
              + utf8Error
              + "); charset detector said "
              + (detected == null ? "nothing" : detected)
              + "; no supported encoding gives plausible text: "
              + describeAll(candidates, unsupported));
    }
    requireNotBlank(best.text);
    return new DecodedText(best.text, best.encoding);
  }

  private static String describeAll(List<DecodingScore> candidates, DecodingScore unsupported) {
    List<String> tried = new ArrayList<>();
    for (DecodingScore s : candidates) {
      tried.add(s.describe());
    }
    if (unsupported != null) {
      tried.add(unsupported.describe());
    }
    return String.join("; ", tried);
  }

  /** The detector's answer, decoded and scored, when it is a non-Unicode encoding Java knows. */
  private static DecodingScore scoreUnsupported(byte[] bytes, String detected) {
    if (detected == null
        || detected.toUpperCase(Locale.ROOT).startsWith("UTF")
        || !Charset.isSupported(detected)) {
      return null;
    }
    return DecodingScore.of(bytes, detected);
  }

  /** Whether {@code a} beats {@code b}: higher quality, then the detector's pick, then Western. */
  private static boolean better(DecodingScore a, DecodingScore b, String preferred) {
    if (a.quality() != b.quality()) {
      return a.quality() > b.quality();
    }
    if (a.encoding.equals(preferred) != b.encoding.equals(preferred)) {
      return a.encoding.equals(preferred);
    }
    return !a.encoding.equals(WINDOWS_1251) && b.encoding.equals(WINDOWS_1251);
  }

  /**
   * The candidate the detector's answer points to, or null when it names none of them (nothing, or
   * an encoding this job does not read, such as KOI8-R or MacCyrillic).
   */
  private static String preferredCandidate(String detected, String western) {
    if (detected == null) {
      return null;
    }
    switch (detected.toUpperCase(Locale.ROOT)) {
      case "WINDOWS-1251":
        return WINDOWS_1251;
      case "WINDOWS-1252":
      case "ISO-8859-1":
        return western;
      default:
        return null;
    }
  }

  /** Mozilla's universal detector's answer for the first bytes, or null when it has none. */
  static String detectCharset(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector();
    int limit = Math.min(bytes.length, DETECTOR_MAX_BYTES);
    for (int pos = 0; pos < limit && !detector.isDone(); pos += 4096) {
      detector.handleData(bytes, pos, Math.min(4096, limit - pos));
    }
    detector.dataEnd();
    return detector.getDetectedCharset();
  }

  private static boolean hasC1Byte(byte[] bytes) {
    for (byte b : bytes) {
      int u = b & 0xFF;
      if (u >= 0x80 && u <= 0x9F) {
        return true;
      }
    }
    return false;
  }

  private static void requireNotBlank(String text) throws RejectedInputException {
    if (text.isBlank()) {
      throw new RejectedInputException(RejectReason.EMPTY, "file holds only white space");
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
