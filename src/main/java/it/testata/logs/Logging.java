package it.testata.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Where a serving process logs, set from its flags: plain lines (with the request id) or JSON objects (one a line,
 * with the MDC fields: request_id, and for access lines method, path, route, status, duration_ms, network), on
 * standard output, or in a file rotated daily and at 50 MB, 14 days and 1 GB at most kept.
 */
public final class Logging {
    public enum Format { TEXT, JSON }

    private Logging() {}

    public static void configure(Format format, Path file) {
        LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Encoder<ILoggingEvent> encoder = encoder(lc, format);
        OutputStreamAppender<ILoggingEvent> appender;
        if (file == null) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.out");
            appender = console;
        } else {
            RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
            rolling.setContext(lc);
            rolling.setFile(file.toString());
            SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
            policy.setContext(lc);
            policy.setParent(rolling);
            policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
            policy.setMaxFileSize(FileSize.valueOf("50MB"));
            policy.setMaxHistory(14);
            policy.setTotalSizeCap(FileSize.valueOf("1GB"));
            policy.start();
            rolling.setRollingPolicy(policy);
            appender = rolling;
        }
        appender.setContext(lc);
        appender.setName("OUT");
        appender.setEncoder(encoder);
        appender.start();
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        lc.getLogger("it.testata.access").setLevel(Level.INFO);
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext lc, Format format) {
        if (format == Format.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(lc);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.start();
            return json;
        }
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(lc);
        pattern.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0}%replace( [%X{request_id}]){' \\[\\]', ''} - %msg%n");
        pattern.start();
        return pattern;
    }
}
