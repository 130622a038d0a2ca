package it.testata.web;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The site's texts in its language (Italian or English), and dates written the way that language writes them. */
public final class Messages {
    private static final Map<String, Messages> BY_LOCALE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter month;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        boolean it = "it".equals(locale.getLanguage());
        this.date = DateTimeFormatter.ofPattern(it ? "d MMMM yyyy" : "MMMM d, yyyy", locale);
        this.dateTime = DateTimeFormatter.ofPattern(it ? "d MMMM yyyy 'alle' HH:mm" : "MMMM d, yyyy 'at' h:mm a", locale);
        this.month = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
    }

    public static Messages of(Locale locale) {
        return BY_LOCALE.computeIfAbsent(locale.getLanguage(), l -> new Messages(Locale.of(l)));
    }

    public String lang() {
        return locale.getLanguage();
    }

    public String t(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
    }

    public String date(Instant instant, ZoneId zone) {
        return date.format(instant.atZone(zone));
    }

    public String dateTime(Instant instant, ZoneId zone) {
        return dateTime.format(instant.atZone(zone));
    }

    public String month(TemporalAccessor yearMonth) {
        String s = month.format(yearMonth);
        return s.substring(0, 1).toUpperCase(locale) + s.substring(1);
    }

    public String commentCount(int n) {
        return n == 0 ? t("article.comments.zero") : n == 1 ? t("article.comments.one") : t("article.comments.many", n);
    }
}
