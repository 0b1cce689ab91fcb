package org.discourseatlas.decode;

/** An input, or one record of it, that is not analysed, and why. */
public record RejectedInput(String sourcePath, RejectReason reason, String detail, long bytes) {}
