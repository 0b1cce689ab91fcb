/**
 * Stanford CoreNLP, no Spark: sentence splitting, lemmas and sentiment, each one pipeline per JVM
 * built lazily on first use (never per row, never broadcast); the diplomatic sentiment model over
 * the same parse (its features, labelled data and plain-Java prediction, decision 0023).
 */
package org.discourseatlas.nlp;
