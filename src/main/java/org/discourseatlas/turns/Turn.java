package org.discourseatlas.turns;

/**
 * One speaker turn: who speaks (null when the transcript does not say), what kind of speaker, on
 * whose behalf (a journalist's outlet, an official's office; null when not stated), in what role,
 * and the words.
 */
public record Turn(
    String speaker, SpeakerKind kind, String affiliation, SpeakerRole role, String text) {}
