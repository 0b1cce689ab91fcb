/**
 * Text to transcript, no Spark: a draft per input record (title, date, place, source from the text
 * and the path), boilerplate lines removed, the document id, and why an input is rejected.
 */
package org.discourseatlas.parse;
