package org.discourseatlas.turns;

/**
 * One speaker turn: who speaks (null when the transcript does not say), in what role, and the
 * words.
 */
public record Turn(String speaker, SpeakerRole role, String text) {}
