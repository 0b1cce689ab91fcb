package org.discourseatlas.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Keeps the warnings logged (by any logger) while it is attached to the root logger. */
public final class LoggedWarnings extends AbstractAppender {
  private final List<String> warnings = new ArrayList<>();

  private LoggedWarnings() {
    super("logged-warnings", null, null, true, Property.EMPTY_ARRAY);
  }

  /** Starts keeping the warnings from now on. */
  public static LoggedWarnings attach() {
    LoggedWarnings appender = new LoggedWarnings();
    appender.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
    context.updateLoggers();
    return appender;
  }

  /** Stops keeping warnings. */
  public void detach() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender(getName());
    context.updateLoggers();
    stop();
  }

  @Override
  public synchronized void append(LogEvent event) {
    if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
      warnings.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage());
    }
  }

  /** The warnings whose text holds {@code fragment}. */
  public synchronized List<String> containing(String fragment) {
    return warnings.stream().filter(w -> w.contains(fragment)).toList();
  }
}
