/**
 * Framing and actor dictionaries, no Spark: a {@code Dictionary} of categories of glob patterns
 * read from quanteda's YAML format or LIWC's .dic format ({@code DictionaryReader}), and a {@code
 * DictionaryMatcher} that finds the categories in a tokenised sentence with the semantics of
 * quanteda's {@code tokens_lookup(valuetype = "glob", case_insensitive = TRUE, nested_scope =
 * "key")}, plus a lemma match for words without wildcards. The shipped dictionaries are under
 * {@code src/main/resources/dictionaries/}, described in the README there.
 */
package org.discourseatlas.dictionary;
