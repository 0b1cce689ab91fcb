/**
 * Spark stages as {@code Dataset -> Dataset} functions: turns and sentences, zone tagging and KWIC,
 * lexical units, term frequencies, keyness and collocations, sentiment and its zone aggregates.
 */
package org.discourseatlas.analysis;
