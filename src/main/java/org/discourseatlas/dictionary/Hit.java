package org.discourseatlas.dictionary;

import java.io.Serializable;

/**
 * One counted match of a category in a sentence.
 *
 * @param dictionary the dictionary's name
 * @param category the category's key, nested keys joined by "/" ("liberation/military")
 * @param pattern the pattern as written in the dictionary (lowercased) that made the match; when
 *     several patterns of the category match the same tokens, the first in the category's order
 * @param begin the index of the first matched token
 * @param end the index after the last matched token (exclusive)
 */
public record Hit(String dictionary, String category, String pattern, int begin, int end)
    implements Serializable {}
