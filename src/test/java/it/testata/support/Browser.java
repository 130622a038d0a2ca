package it.testata.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A real, headless Debian Chromium driven through the system chromedriver, for tests that must see a page as a
 * reader's browser does: the stylesheet applied, the Content-Security-Policy enforced, the keyboard working.
 *
 * <p>Both programs are taken from fixed paths ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}, or the
 * TESTATA_CHROMIUM / TESTATA_CHROMEDRIVER environment variables): the driver path is given to Selenium, so Selenium
 * Manager is never run and nothing is ever downloaded. When either program is missing the calling test is skipped
 * (CI installs both).
 *
 * <pre>
 * try (Browser b = Browser.start()) {
 *     b.open(site.url("/"));
 *     assertThat(b.consoleErrors()).isEmpty();
 * }
 * </pre>
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(env("TESTATA_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(env("TESTATA_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** Where {@link #screenshot(String)} writes, relative to the Maven project folder the tests run in. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final List<LogEntry> console = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser with JavaScript on, 1280×900. */
    public static Browser start() {
        return start(new Options());
    }

    /** A browser with JavaScript off, as a reader who blocks scripts has it. */
    public static Browser startWithoutJavaScript() {
        return start(new Options().javaScript(false));
    }

    public static Browser start(Options o) {
        assumeAvailable();
        // The explicit driver path below already makes Selenium skip its manager; should it ever run anyway, the
        // SE_* system properties are handed to it as its environment, and SE_OFFLINE keeps it off the network.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        Path profile;
        try {
            profile = Files.createTempDirectory("testata-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=" + o.language,
                "--window-size=" + o.width + "," + o.height, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of(
                "intl.accept_languages", o.language,
                "profile.managed_default_content_settings.javascript", o.javaScript ? 1 : 2));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return new Browser(driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
    }

    /**
     * Makes the page 390 px wide, as a phone's (headless Chromium keeps windows at least 500 px wide, so the
     * window size alone cannot): device metrics through the DevTools protocol, for every page opened after.
     */
    public Browser phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        return this;
    }

    /** Whether chromium and chromedriver are installed where this helper looks for them. */
    public static boolean available() {
        return missing() == null;
    }

    /**
     * Skips the calling test, with the reason, when chromium or chromedriver is not installed. Call it from a
     * {@code @BeforeEach} (a skip in {@code @BeforeAll} is reported by Maven as "0 tests run", without the reason).
     */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), () -> "browser test skipped: " + missing());
    }

    private static String missing() {
        if (!Files.isExecutable(CHROMIUM)) return "no Chromium at " + CHROMIUM + " (apt-get install chromium)";
        if (!Files.isExecutable(CHROMEDRIVER)) return "no chromedriver at " + CHROMEDRIVER + " (apt-get install chromium-driver)";
        return null;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Loads the address and waits for the page to have loaded. */
    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /**
     * Clicks what {@code css} finds and waits for the next document to have replaced this one and finished loading
     * at an address containing {@code urlPart}. Waiting for the address alone is not enough: after a save on a page
     * whose address already says {@code ?done=saved}, the old page would pass at once while the form is still
     * being sent, and the next step would race it.
     */
    public Browser clickThrough(String css, String urlPart) {
        return through(() -> find(css).click(), urlPart);
    }

    /**
     * Does what leaves this page (a click, Enter in a form) and waits as {@link #clickThrough} does. The page being
     * left is marked with a script variable; the next document does not have it. (Selenium's staleness check asks
     * an element of the old page, and Chromium may answer that with an error of its own instead of "stale".)
     */
    public Browser through(Runnable leave, String urlPart) {
        driver.executeScript("window.testataLeaving = true;");
        leave.run();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class) // asked while the documents change
                .until(d -> !Boolean.TRUE.equals(driver.executeScript("return window.testataLeaving === true;")));
        return arrived(urlPart);
    }

    /** Waits for the page at an address containing {@code urlPart} to have finished loading. */
    public Browser arrived(String urlPart) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.getCurrentUrl().contains(urlPart)
                        && "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The elements matching the selector that a reader can see. */
    public List<WebElement> visible(String css) {
        return findAll(css).stream().filter(WebElement::isDisplayed).toList();
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Everything the browser wrote to its console since it started (page errors, CSP violations, console.*). */
    public List<LogEntry> console() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) console.add(e);
        return List.copyOf(console);
    }

    /** The console's errors, one line each ("SEVERE" entries: script errors, CSP violations, failed loads). */
    public List<String> consoleErrors() {
        return console().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Forgets the console so far, e.g. after an expected error. */
    public void clearConsole() {
        console();
        console.clear();
    }

    /** Saves what the window shows now as target/screenshots/NAME.png (or NAME as given if it ends in .png). */
    public Path screenshot(String name) {
        return screenshot(SCREENSHOTS.resolve(name.endsWith(".png") ? name : name + ".png"));
    }

    public Path screenshot(Path file) {
        return write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Saves the whole page, top to bottom, not just the window (Chromium's own capture, works with JavaScript off). */
    public Path fullPageScreenshot(String name) {
        return fullPageScreenshot(SCREENSHOTS.resolve(name.endsWith(".png") ? name : name + ".png"));
    }

    @SuppressWarnings("unchecked")
    public Path fullPageScreenshot(Path file) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true, "fromSurface", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static Path write(Path file, byte[] png) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind harms nothing
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** How to start the browser. */
    public static final class Options {
        private boolean javaScript = true;
        private int width = 1280;
        private int height = 900;
        private String language = "it-IT";

        public Options javaScript(boolean on) {
            this.javaScript = on;
            return this;
        }

        public Options window(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Options language(String language) {
            this.language = language;
            return this;
        }
    }
}
