package org.discourseatlas.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The document id: SHA-256 of the transcript's cleaned text, white space folded and Unicode
 * normalised (NFC), so the same transcript saved twice (another file name, other line endings,
 * a BOM) gets the same id and is recognised as a duplicate.
 */
public final class ContentHash {
  /** 128 bits of the digest: collisions are out of reach for any corpus, ids stay readable. */
  private static final int ID_BYTES = 16;

  private ContentHash() {}

  public static String of(String cleanedText) {
    String canonical =
        Normalizer.normalize(cleanedText, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, ID_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
