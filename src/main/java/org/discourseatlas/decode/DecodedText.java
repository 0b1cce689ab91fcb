package org.discourseatlas.decode;

/** Text decoded from an input's bytes, with the name of the encoding that decoded it. */
public record DecodedText(String text, String encoding) {}
