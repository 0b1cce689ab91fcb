package org.discourseatlas.parse;

import java.text.Normalizer;
import org.discourseatlas.text.Sha256Hex;

/**
 * The document id: SHA-256 of the transcript's cleaned text, white space folded and Unicode
 * normalised (NFC), so the same transcript saved twice (another file name, other line endings, a
 * BOM) gets the same id and is recognised as a duplicate.
 */
public final class DocumentId {
  private DocumentId() {}

  public static String of(String cleanedText) {
    String canonical =
        Normalizer.normalize(cleanedText, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    return Sha256Hex.of(canonical);
  }
}
