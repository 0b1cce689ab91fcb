/**
 * An HTML page to the transcript it holds, no Spark, step by step: blocks of text, page furniture
 * and teasers set aside, the content root found, its paragraphs kept, the title and date read.
 * {@code decode.HtmlContentExtractor} runs the steps in order.
 */
package org.discourseatlas.decode.html;
