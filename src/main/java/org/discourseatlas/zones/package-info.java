/**
 * Conflict zones, no Spark: the gazetteer (names, aliases, parents, coordinates), the matcher that
 * finds a zone's aliases in a sentence, and the window that carries a zone to the next sentences.
 */
package org.discourseatlas.zones;
