/**
 * Text primitives shared by the plain-Java packages, no Spark: Unicode and white-space
 * normalisation, dates in English text ({@code DateParser}), and the one hash (SHA-256, 128 bits)
 * behind ids, content hashes and fingerprints.
 */
package org.discourseatlas.text;
