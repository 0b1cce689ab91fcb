/**
 * Stanford CoreNLP, no Spark: sentence splitting, lemmas and sentiment, each one pipeline per JVM
 * built lazily on first use (never per row, never broadcast).
 */
package org.discourseatlas.nlp;
