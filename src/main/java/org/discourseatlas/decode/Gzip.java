package org.discourseatlas.decode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Decompresses a .gz input in memory, bounded, telling a cut-short file from a corrupt one. */
public final class Gzip {
  private Gzip() {}

  public static byte[] decompress(byte[] compressed, long maxBytes) throws RejectedInputException {
    if (compressed.length == 0) {
      throw new RejectedInputException(RejectReason.EMPTY, "gzip file has 0 bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(compressed.length * 4, 1 << 20));
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in =
        new GZIPInputStream(new ByteArrayInputStream(compressed), buffer.length)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        // Bounded: a small gzip bomb must not take the executor's memory.
        if (out.size() + (long) n > maxBytes) {
          throw new RejectedInputException(
              RejectReason.TOO_LARGE,
              "decompresses to more than ingest.max-file-bytes = " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (EOFException e) {
      throw new RejectedInputException(
          RejectReason.TRUNCATED_GZIP,
          "gzip data ends after " + out.size() + " decompressed bytes: the file was cut short");
    } catch (ZipException e) {
      throw new RejectedInputException(
          RejectReason.CORRUPT_GZIP, "not valid gzip: " + e.getMessage());
    } catch (IOException e) {
      throw new RejectedInputException(RejectReason.CORRUPT_GZIP, "cannot decompress: " + e);
    }
    return out.toByteArray();
  }
}
