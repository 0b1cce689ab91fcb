package org.discourseatlas.nlp;

import java.util.List;

/** A sentence as CoreNLP split it: its text as written, its tokens, and its span in the input. */
public record SplitSentence(String text, List<String> tokens, int begin, int end) {}
