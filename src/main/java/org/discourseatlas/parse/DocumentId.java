package org.discourseatlas.parse;

import java.text.Normalizer;
import org.discourseatlas.text.Sha256Hex;
import org.discourseatlas.text.TextNormalizer;

/**
 * The document id: SHA-256 of the transcript's cleaned text, white space folded and Unicode
 * normalised (NFC), so the same transcript saved twice (another file name, other line endings, a
 * BOM) gets the same id and is recognised as a duplicate.
 */
public final class DocumentId {
  private DocumentId() {}

  public static String of(String cleanedText) {
    // squeezeSpaces is strip() and replaceAll("\\s+", " ") in one pass (in either order: the
    // same string); the id must not change with it, DocumentIdTest holds a hash computed by hand.
    String canonical =
        TextNormalizer.squeezeSpaces(Normalizer.normalize(cleanedText, Normalizer.Form.NFC));
    return Sha256Hex.of(canonical);
  }
}
