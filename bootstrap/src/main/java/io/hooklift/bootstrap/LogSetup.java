package io.hooklift.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * Applies the log settings to Logback once they are read: the instance id as a context property (so
 * every JSON line carries it, and a text pattern can show it with {@code %property{instance}}),
 * and, for {@code HOOKLIFT_LOG_FORMAT=json}, Logback's own JSON encoder on the console appenders.
 */
final class LogSetup {

  static final String INSTANCE_PROPERTY = "instance";

  private LogSetup() {}

  static void apply(Settings settings) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend: its own configuration decides
    }
    context.putProperty(INSTANCE_PROPERTY, settings.instanceId());
    if (settings.accessLog()) {
      // Asked for explicitly, so shown even where the configuration keeps INFO quiet.
      context.getLogger(AccessLog.LOGGER).setLevel(ch.qos.logback.classic.Level.INFO);
    }
    if (!settings.jsonLogs()) {
      return;
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.start();
        appender.stop();
        appender.setEncoder(json);
        appender.start();
      }
    }
  }
}
