/**
 * Bytes to text, no Spark: gzip, character set detection and decoding, HTML page to article text
 * (jsoup), the input format of a file, and language checks (is it English prose?).
 */
package org.discourseatlas.decode;
