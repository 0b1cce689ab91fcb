/**
 * Terms, no Spark: tokens to counted terms (stopwords, lemmas, multiword expressions kept whole)
 * and their n-grams, as every lexical statistic counts them.
 */
package org.discourseatlas.terms;
