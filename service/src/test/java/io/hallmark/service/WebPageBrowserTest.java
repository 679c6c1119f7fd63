package io.hallmark.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.HallmarkHome;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.pipeline.CertifiedVideo;
import io.hallmark.media.Ffmpeg;
import io.hallmark.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The newsroom page in a real browser: Debian's Chromium and chromedriver, headless, driven by Selenium. Each kind of
 * file an editor may receive is dropped on the page and what the page then shows is checked; the page is used with
 * the keyboard alone; axe-core (from npm, installed by {@code .ci/run}) finds no serious accessibility violation;
 * screenshots of every state at desktop and phone width go to {@code target/screenshots/}.
 * Without Chromium, chromedriver or axe-core the tests are skipped, unless {@code HALLMARK_REQUIRE_BROWSER} is set
 * (as in CI), where they fail instead.
 */
class WebPageBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();

    @TempDir
    static Path dir;
    static HallmarkService service;
    static HallmarkService small;
    static WebDriver browser;
    static String axe;
    /** File to upload -> the verdict the page must show. */
    static final Map<Path, String> FILES = new LinkedHashMap<>();
    static Path oversize;

    @BeforeAll
    static void editorsInbox() throws Exception {
        Path chromium = tool("HALLMARK_CHROMIUM", "/usr/bin/chromium");
        Path driver = tool("HALLMARK_CHROMEDRIVER", "/usr/bin/chromedriver");
        Path axeJs = Path.of(System.getProperty("hallmark.root", ".."), ".interop", "node_modules", "axe-core", "axe.min.js");
        if (System.getenv("HALLMARK_AXE") != null) {
            axeJs = Path.of(System.getenv("HALLMARK_AXE"));
        }
        require(Files.isRegularFile(axeJs), "axe-core at " + axeJs + " (npm install axe-core into .interop, as .ci/run does)");
        axe = Files.readString(axeJs);

        // a publisher's files, and what else reaches a newsroom
        HallmarkConfig publisher = HallmarkConfig.of(HallmarkHome.resolve(dir.resolve("home")));
        CertifiedVideo certified;
        try (Hallmark h = Hallmark.open(publisher)) {
            certified = h.generate(new GenerationRequest("a harbour at dawn", 3, 3.0, 640, 360, 25), dir.resolve("signed.mp4"));
            // the same key, but a manifest registered nowhere this service looks: a mark without its manifest
            h.embed(SharedData.clip("sam2_01_dog.mp4"), dir.resolve("watermark-only.mp4"),
                    io.hallmark.watermark.Payload.fromHex("0123456789abcdef"), 23, io.hallmark.generator.pipeline.Progress.NONE);
            // the signed video's own ID, embedded with the real key into other footage
            h.embed(SharedData.clip("sam2_04_coffee.mp4"), dir.resolve("copied-mark.mp4"),
                    io.hallmark.watermark.Payload.fromHex(certified.payloadHex()), 23, io.hallmark.generator.pipeline.Progress.NONE);
        }
        FILES.put(certified.file(), "SIGNED");
        Path stripped = dir.resolve("stripped.mp4");
        Ffmpeg.run(120, "-i", certified.file().toString(), "-c:v", "libx264", "-crf", "23", "-map_metadata", "-1", "-an",
                stripped.toString());
        FILES.put(stripped, "RECOVERED");
        FILES.put(dir.resolve("watermark-only.mp4"), "WATERMARK_ONLY");
        FILES.put(dir.resolve("copied-mark.mp4"), "MARK_MISMATCH");
        Path tampered = Files.copy(certified.file(), dir.resolve("tampered.mp4"));
        io.hallmark.testdata.Tampering.flipByteFromEnd(tampered, 5000);
        FILES.put(tampered, "TAMPERED");
        FILES.put(Files.copy(SharedData.c2paFixture("c2pa-rs/image/no_alg.jpg"), dir.resolve("unknown-algorithm.jpg")),
                "UNVERIFIABLE");
        FILES.put(Files.copy(SharedData.clip("mdn_flower.mp4"), dir.resolve("unmarked.mp4")), "NO_PROVENANCE");
        // a picture with a CAWG identity assertion whose credential is on no trust list
        FILES.put(Files.copy(SharedData.c2paFixture("c2pa-rs/image/C_with_CAWG_data.jpg"), dir.resolve("with-identity.jpg")),
                "SIGNED");
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        FILES.put(Files.write(dir.resolve("garbage.mp4"), noise), "ERROR|NO_PROVENANCE|UNVERIFIABLE");
        oversize = Files.write(dir.resolve("oversize.mp4"), new byte[3 << 20]);

        service = HallmarkService.start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0), publisher);
        small = HallmarkService.start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0).withMaxUpload(1 << 20), publisher);

        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--lang=en-US");
        Files.createDirectories(DOWNLOADS);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
        Files.deleteIfExists(DOWNLOADS.resolve("signed.mp4.hallmark.json"));
    }

    /** A program the tests need; missing, the tests are skipped, or fail where HALLMARK_REQUIRE_BROWSER is set. */
    private static Path tool(String variable, String fallback) {
        Path p = Path.of(System.getenv().getOrDefault(variable, fallback));
        require(Files.isExecutable(p), p + " (Debian's chromium and chromium-driver; or set " + variable + ")");
        return p;
    }

    private static void require(boolean present, String what) {
        if (!present && System.getenv("HALLMARK_REQUIRE_BROWSER") != null) {
            throw new AssertionError("the browser tests need " + what);
        }
        Assumptions.assumeTrue(present, "skipped: the browser tests need " + what);
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (small != null) {
            small.close();
        }
    }

    @BeforeEach
    void desktop() {
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private static void open(HallmarkService s) {
        browser.get(s.url() + "/");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> "true".equals(
                ((JavascriptExecutor) b).executeScript("return document.body.dataset.ready")));
    }

    /** Picks files in the page's file input, as the file dialog would. */
    private static void pick(WebElement input, List<Path> files) {
        input.sendKeys(String.join("\n", files.stream().map(p -> p.toAbsolutePath().toString()).toList()));
    }

    private static List<WebElement> finishedCards(int expected) {
        return new WebDriverWait(browser, Duration.ofMinutes(5)).until(b -> {
            List<WebElement> cards = b.findElements(By.cssSelector(".result"));
            long finished = cards.stream().filter(c -> Set.of("done", "failed").contains(c.getAttribute("data-state"))).count();
            return cards.size() == expected && finished == expected ? cards : null;
        });
    }

    private static WebElement card(List<WebElement> cards, String fileName) {
        return cards.stream().filter(c -> c.findElement(By.tagName("h3")).getText().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no card for " + fileName));
    }

    private static void screenshot(WebElement element, String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
    }

    /** Makes the window as tall as the page, so a screenshot of the whole page shows everything. */
    private static void wholePage(int width, String name) throws Exception {
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 40, 12_000)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void everyKindOfFileShowsItsVerdictFirstThenTheEvidence() throws Exception {
        open(service);
        pick(browser.findElement(By.id("files")), new ArrayList<>(FILES.keySet()));
        List<WebElement> cards = finishedCards(FILES.size());
        for (Map.Entry<Path, String> e : FILES.entrySet()) {
            WebElement c = card(cards, e.getKey().getFileName().toString());
            String verdict = c.getAttribute("data-verdict");
            assertTrue(verdict != null && verdict.matches(e.getValue()), e.getKey().getFileName() + " read " + verdict);
            WebElement box = c.findElement(By.cssSelector(".verdict"));
            // first in the card, in words and an icon, not by colour alone
            assertEquals(box, c.findElement(By.cssSelector(".body > *")));
            assertFalse(box.findElement(By.cssSelector(".word")).getText().isBlank());
            assertFalse(box.findElement(By.cssSelector(".icon")).getText().isBlank());
            assertFalse(c.findElement(By.cssSelector(".proves p")).getAttribute("textContent").isBlank(),
                    "every verdict says what it does and does not prove");
        }

        WebElement signed = card(cards, "signed.mp4");
        // this service trusts no development root: signed, but the page does not show it in the colour of trust
        assertEquals("Signed, but by a signer on no trust list", signed.findElement(By.cssSelector(".verdict .word")).getText());
        assertTrue(signed.findElement(By.cssSelector(".verdict")).getAttribute("class").contains("tone-warn"));
        String facts = signed.findElement(By.cssSelector(".facts")).getText();
        assertTrue(facts.contains("Hallmark Development") && facts.contains("AI-generated: made by a trained AI model.")
                && facts.contains("Embedded in the file") && facts.contains("hallmark-procedural"), facts);
        assertTrue(imageShown(signed, ".poster") && imageShown(signed, ".strip"), "poster frame and frame strip");
        assertEquals(3, signed.findElements(By.cssSelector(".timeline rect.bar-on")).size(),
                "the mark in each of the 3 seconds, as a chart");
        assertTrue(signed.findElement(By.cssSelector(".timeline svg")).getAttribute("aria-label").contains("3 of 3"));
        assertTrue(signed.findElements(By.cssSelector(".statuses a[href*='C2PA_Specification']")).size() > 3,
                "each status code links to the specification");

        WebElement recovered = card(cards, "stripped.mp4");
        assertEquals("Recovered from the store, signer on no trust list",
                recovered.findElement(By.cssSelector(".verdict .word")).getText());
        assertTrue(recovered.findElement(By.cssSelector(".badge.recovered")).getText().contains("Recovered from the manifest store"),
                "recovered credentials are told apart from embedded ones");
        String recoveredFacts = recovered.findElement(By.cssSelector(".facts")).getAttribute("textContent");
        assertTrue(recoveredFacts.contains("Matches the signed content") && recoveredFacts.contains("Valid but not trusted")
                && !recoveredFacts.contains("Invalid"), "the expected hash mismatch of a copy is not called invalid: "
                + recoveredFacts);

        WebElement copied = card(cards, "copied-mark.mp4");
        assertEquals("Copied mark", copied.findElement(By.cssSelector(".verdict .word")).getText());
        assertTrue(copied.findElement(By.cssSelector(".facts")).getText().contains("Does not match the signed content"));
        assertTrue(card(cards, "unknown-algorithm.jpg").findElement(By.cssSelector(".verdict .word")).getText()
                .equals("Cannot be verified"));
        assertTrue(imageShown(card(cards, "unknown-algorithm.jpg"), ".poster"), "a picture is shown from the file itself");

        // the limits of a verdict are open for anything short of a trusted signature (issue 27)
        for (String name : List.of("tampered.mp4", "stripped.mp4", "signed.mp4", "unmarked.mp4")) {
            assertTrue(card(cards, name).findElement(By.cssSelector("details.proves")).getAttribute("open") != null, name);
        }
        // one line per status code, with a count, not the same line eight times
        List<String> codes = signed.findElements(By.cssSelector(".statuses li code")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
        assertEquals(codes.size(), new java.util.HashSet<>(codes).size(), codes.toString());
        // a manifest without a time-stamp still shows when its signer says it signed
        assertTrue(signed.findElement(By.cssSelector(".facts")).getAttribute("textContent").contains("by the signer's own clock"),
                signed.findElement(By.cssSelector(".facts")).getAttribute("textContent"));

        WebElement identity = card(cards, "with-identity.jpg");
        String identityFacts = identity.findElement(By.cssSelector(".facts")).getAttribute("textContent");
        assertTrue(identityFacts.contains("Identity (CAWG)") && identityFacts.contains("C2PA Signer (C2PA Test Signing Cert)")
                && identityFacts.contains("This is about the named identity, not the signer."), identityFacts);
        assertFalse(identity.findElement(By.cssSelector(".statuses")).getAttribute("textContent").contains("cawg."),
                "an identity's codes are not listed as the claim's");

        // the JSON download is the service's report
        signed.findElement(By.linkText("Download JSON")).click();
        Path downloaded = DOWNLOADS.resolve("signed.mp4.hallmark.json");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> Files.isRegularFile(downloaded));
        JsonNode report = JSON.readTree(downloaded.toFile());
        assertEquals("hallmark.verify/2", report.path("schema").asText());
        assertEquals("signed.mp4", report.path("file").asText());

        wholePage(1280, "desktop-page");
        for (WebElement c : cards) {
            screenshot(c, "desktop-" + c.getAttribute("data-verdict").toLowerCase() + "-"
                    + c.findElement(By.tagName("h3")).getText().replace('.', '_'));
        }
        assertNoSeriousViolations("desktop");
        browser.manage().window().setSize(new Dimension(390, 844));
        wholePage(390, "phone-page");
        for (WebElement c : cards) {
            screenshot(c, "phone-" + c.getAttribute("data-verdict").toLowerCase() + "-"
                    + c.findElement(By.tagName("h3")).getText().replace('.', '_'));
        }
        long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow <= 0, "nothing wider than a phone: " + overflow + " px of sideways scrolling");
        assertNoSeriousViolations("phone");
    }

    /**
     * Not a test of correctness but a measurement, run on request ({@code -Dhallmark.bench.page=true}): seconds from
     * picking a 10 s 1080p clip in the page to its verdict on screen, against the library's verify of the same file
     * in a fresh Hallmark (what {@code hallmark verify} does, less the JVM start), in the same run.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "hallmark.bench.page", matches = "true")
    void timeFromDropToVerdictOnA10Second1080pClip() throws Exception {
        HallmarkConfig publisher = HallmarkConfig.of(HallmarkHome.resolve(dir.resolve("home")));
        Path clip;
        try (Hallmark h = Hallmark.open(publisher)) {
            clip = h.generate(new GenerationRequest("a city at night", 11, 10.0, 1920, 1080, 25),
                    dir.resolve("city-1080p.mp4")).file();
        }
        StringBuilder table = new StringBuilder("| run | page: drop to verdict (s) | library verify, fresh (s) |\n|---|---|---|\n");
        for (int run = 1; run <= 3; run++) {
            open(service);
            long t0 = System.nanoTime();
            pick(browser.findElement(By.id("files")), List.of(clip));
            WebElement c = finishedCards(1).get(0);
            double page = (System.nanoTime() - t0) / 1e9;
            assertEquals("SIGNED", c.getAttribute("data-verdict"));
            long t1 = System.nanoTime();
            try (Hallmark fresh = Hallmark.open(publisher)) {
                assertEquals("SIGNED", fresh.verify(clip).verdict().name());
            }
            double library = (System.nanoTime() - t1) / 1e9;
            table.append(String.format(java.util.Locale.ROOT, "| %d | %.2f | %.2f |%n", run, page, library));
        }
        Files.writeString(SCREENSHOTS.resolve("page-timing.md"), table);
        System.out.println(table);
    }

    private static boolean imageShown(WebElement card, String css) {
        List<WebElement> img = card.findElements(By.cssSelector(".media " + css));
        return !img.isEmpty() && (Long) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", img.get(0)) > 0;
    }

    private static void assertNoSeriousViolations(String where) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        String result = (String) js.executeAsyncScript("const done = arguments[0];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)))"
                + ".catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e)}])));");
        List<String> serious = new ArrayList<>();
        for (JsonNode v : JSON.readTree(result)) {
            if (Set.of("serious", "critical").contains(v.path("impact").asText())) {
                serious.add(v.path("id").asText() + ": " + v.path("help").asText() + " " + v.path("nodes").size() + " nodes "
                        + v.path("nodes").path(0).path("target"));
            }
        }
        Files.writeString(SCREENSHOTS.resolve("axe-" + where + ".json"), result);
        assertTrue(serious.isEmpty(), where + ": " + serious);
    }

    @Test
    void theMainFlowWorksWithTheKeyboardAlone() throws Exception {
        open(service);
        WebElement page = browser.findElement(By.tagName("body"));
        page.sendKeys(Keys.TAB);
        assertEquals("skip", active().getAttribute("class"), "the first stop skips to the results");
        // Tab on to the file picker and choose a file (what the dialog would do)
        WebElement input = tabUntil(e -> "files".equals(e.getAttribute("id")), 5);
        pick(input, List.of(FILES.keySet().iterator().next()));
        WebElement card = finishedCards(1).get(0);
        assertEquals("SIGNED", card.getAttribute("data-verdict"));
        // every control of the result is reached with Tab, shows where focus is, and works with Enter or Space
        WebElement summary = tabUntil(e -> e.getTagName().equals("summary"), 20);
        assertFocusVisible(summary);
        summary.sendKeys(Keys.ENTER);
        assertTrue(summary.findElement(By.xpath("..")).getAttribute("open") != null, "Enter opens the details");
        WebElement compare = tabUntil(e -> "checkbox".equals(e.getAttribute("type")), 20);
        assertFocusVisible(compare);
        compare.sendKeys(Keys.SPACE);
        assertTrue(compare.isSelected(), "Space ticks the comparison box");
        compare.sendKeys(Keys.SPACE);
    }

    private static WebElement active() {
        return browser.switchTo().activeElement();
    }

    private static WebElement tabUntil(java.util.function.Predicate<WebElement> wanted, int maxTabs) {
        for (int i = 0; i < maxTabs; i++) {
            if (wanted.test(active())) {
                return active();
            }
            active().sendKeys(Keys.TAB);
        }
        if (wanted.test(active())) {
            return active();
        }
        throw new AssertionError("not reached with " + maxTabs + " presses of Tab; focus is on " + active().getTagName());
    }

    private static void assertFocusVisible(WebElement e) {
        String outline = (String) ((JavascriptExecutor) browser).executeScript(
                "const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth", e);
        assertFalse(outline.startsWith("none") || outline.endsWith(" 0px"), "focus is visible: " + outline);
    }

    @Test
    void twoFilesAreComparedSideBySide() throws Exception {
        open(service);
        List<Path> two = new ArrayList<>(FILES.keySet()).subList(0, 2); // the signed file and its stripped copy
        pick(browser.findElement(By.id("files")), two);
        List<WebElement> cards = finishedCards(2);
        for (WebElement c : cards) {
            c.findElement(By.cssSelector(".compare-pick")).click();
        }
        WebElement compare = browser.findElement(By.id("compare"));
        assertTrue(compare.isDisplayed());
        String table = compare.findElement(By.tagName("table")).getText();
        assertTrue(table.contains("signed.mp4") && table.contains("stripped.mp4"), table);
        assertTrue(table.contains("Credentials (differs)") && table.contains("Signed by (same)"), table);
        screenshot(compare, "desktop-compare");
    }

    @Test
    void thePageLoadsWithoutAConsoleError() throws Exception {
        // issue 27: the icon link was blocked by the page's own Content Security Policy on every load
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // what earlier tests left
        open(service);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> ((JavascriptExecutor) b)
                .executeScript("return document.readyState").equals("complete"));
        List<String> severe = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
        assertEquals(List.of(), severe);
    }

    @Test
    void twoFilesWithoutCredentialsDoNotAgreeOnFactsNeitherHas() throws Exception {
        // issue 27: the compare table said "Signed at (same)" for files without credentials
        open(service);
        pick(browser.findElement(By.id("files")), List.of(dir.resolve("watermark-only.mp4"), dir.resolve("unmarked.mp4")));
        List<WebElement> cards = finishedCards(2);
        for (WebElement c : cards) {
            c.findElement(By.cssSelector(".compare-pick")).click();
        }
        String table = browser.findElement(By.id("compare")).findElement(By.tagName("table")).getText();
        assertFalse(table.contains("Signed at (same)") || table.contains("Signed by (same)") || table.contains("Trust (same)"),
                table);
    }

    @Test
    void anOversizeUploadIsRefusedWithAReasonAndTheOthersGoOn() throws Exception {
        open(small);
        Path signed = FILES.keySet().iterator().next();
        pick(browser.findElement(By.id("files")), List.of(oversize, signed));
        List<WebElement> cards = finishedCards(2);
        WebElement refused = card(cards, "oversize.mp4");
        assertEquals("failed", refused.getAttribute("data-state"));
        assertTrue(refused.findElement(By.cssSelector(".verdict")).getText().contains("larger than this service accepts"),
                refused.getText());
        assertEquals("SIGNED", card(cards, "signed.mp4").getAttribute("data-verdict"));
        screenshot(refused, "desktop-oversize");
    }

    @Test
    void aServiceWithApiKeysAsksForOneAndRetries(@TempDir Path keysDir) throws Exception {
        String[] verifier = ApiKeys.create("newsroom", Set.of(ApiKeys.VERIFY));
        Path keys = Files.writeString(keysDir.resolve("keys.txt"), verifier[1] + "\n");
        try (HallmarkService guarded = HallmarkService.start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0)
                .withApiKeys(keys, false), HallmarkConfig.of(HallmarkHome.resolve(dir.resolve("home"))))) {
            open(guarded);
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
            pick(browser.findElement(By.id("files")), List.of(FILES.keySet().iterator().next()));
            WebElement key = new WebDriverWait(browser, Duration.ofSeconds(60))
                    .until(b -> b.findElement(By.id("api-key")).isDisplayed() ? b.findElement(By.id("api-key")) : null);
            assertEquals(key, active(), "the key field gets focus");
            key.sendKeys(verifier[0], Keys.ENTER);
            WebElement card = finishedCards(1).get(0);
            assertEquals("SIGNED", card.getAttribute("data-verdict"));
            assertTrue(imageShown(card, ".poster"), "pictures fetched with the key too");
        }
    }
}
