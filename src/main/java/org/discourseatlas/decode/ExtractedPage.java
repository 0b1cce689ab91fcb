package org.discourseatlas.decode;

import java.time.LocalDate;
import java.util.List;

/** The main content of an HTML page: title, date (either may be null) and text blocks, in order. */
public record ExtractedPage(String title, LocalDate date, List<String> blocks) {}
