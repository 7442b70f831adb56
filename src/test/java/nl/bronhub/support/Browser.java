package nl.bronhub.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver packages; .ci/run installs them),
 * driven through chromedriver. No driver or browser is downloaded: both paths are given, so Selenium
 * Manager is not asked. The hub's certificate comes from the test CA, which the browser does not know.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("bron.test.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("bron.test.chromedriver", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String basis;

    public Browser(int poort, Path profiel) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The portal tests drive Debian's Chromium: install it with "
                    + "'apt-get install chromium chromium-driver' (.ci/run does), or point -Dbron.test.chromium and "
                    + "-Dbron.test.chromedriver at another Chromium and its driver");
        }
        try {
            Files.createDirectories(profiel);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions opties = new ChromeOptions();
        opties.setBinary(CHROMIUM);
        // as root in a sandbox, on a machine with no network beyond the package registries
        opties.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profiel.toAbsolutePath(), "--lang=nl", "--window-size=1280,900");
        opties.setAcceptInsecureCerts(true);
        ChromeDriverService dienst = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        ChromeDriver chrome = new ChromeDriver(dienst, opties);
        // before any script of the page: every Content-Security-Policy violation is kept, for cspSchendingen()
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__cspSchendingen = []; document.addEventListener('securitypolicyviolation', "
                        + "e => window.__cspSchendingen.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"));
        this.driver = chrome;
        this.basis = "https://localhost:" + poort;
    }

    /** What the browser computes for the element's CSS property (as a person sees it: after every stylesheet). */
    public String stijl(String css, String eigenschap) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", element(css), eigenschap));
    }

    /** Scrolls the element into view (for a screenshot of a part lower on the page). */
    public Browser toon(String css) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element(css));
        return this;
    }

    /**
     * Sends a form as it stands, with a field set first, past what the page offers (a read-only field, no button):
     * what someone with the browser's developer tools can do, and the server must still refuse.
     */
    public Browser verstuurToch(String formulier, String veld, String waarde) {
        WebElement oudePagina = driver.findElement(By.tagName("html"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]; arguments[2].submit();",
                element(formulier + " " + veld), waarde, element(formulier));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(oudePagina));
        return this;
    }

    /**
     * Sends a form of the page, with its valid CSRF token, to another address: what someone with the
     * browser's developer tools can do; only the server's access rule stands in the way.
     */
    public Browser verstuurNaar(String formulier, String actie) {
        WebElement oudePagina = driver.findElement(By.tagName("html"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].setAttribute('action', arguments[1]); arguments[0].submit();",
                element(formulier), actie);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(oudePagina));
        return this;
    }

    /** Forgets the portal session (its cookie), as when a form was left open until the session ended. */
    public Browser vergeetSessie() {
        driver.manage().deleteCookieNamed("JSESSIONID");
        return this;
    }

    /** Whether the page has an element for {@code css}, without waiting for one. */
    public boolean heeft(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** What the page's Content-Security-Policy blocked since it loaded (directive, what, where). */
    @SuppressWarnings("unchecked")
    public List<String> cspSchendingen() {
        Object lijst = ((JavascriptExecutor) driver).executeScript("return window.__cspSchendingen || [];");
        return lijst == null ? List.of() : (List<String>) lijst;
    }

    /** The page as a person sees it, saved as target/screenshots/portaal-NAAM.png (to look at after a run). */
    public Path schermafdruk(String naam) {
        try {
            Path map = Path.of("target", "screenshots");
            Files.createDirectories(map);
            Path bestand = map.resolve("portaal-" + naam + ".png");
            Files.write(bestand, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return bestand;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Browser open(String pad) {
        driver.get(basis + pad);
        return this;
    }

    public String pad() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * The page's path once it is {@code verwacht}, or after 10 seconds whatever it is then: a click that
     * submits a form returns before the browser has the next page.
     */
    public String pad(String verwacht) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> verwacht.equals(pad()));
        } catch (TimeoutException nietGekomen) {
            // the caller's assertion says what came instead
        }
        return pad();
    }

    public WebElement element(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(css)));
    }

    /** The element's text once it starts with {@code begin} (the page after a submit), or after 10 seconds whatever it is. */
    public String tekst(String css, String begin) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector(css)).getText().startsWith(begin));
        } catch (TimeoutException nietGekomen) {
            // the caller's assertion says what came instead
        }
        return element(css).getText();
    }

    public String tekst() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Browser vulIn(String css, String waarde) {
        WebElement e = element(css);
        e.clear();
        e.sendKeys(waarde);
        return this;
    }

    /**
     * Clicks, and when the element is a link or a submit button waits until the browser has left the page:
     * otherwise the next look-up can find an element of the old page (the same id is on both) just before
     * the new page replaces it, and reading it fails as stale.
     */
    public Browser klik(String css) {
        return klik(element(css));
    }

    public Browser klikLink(String tekst) {
        WebElement link = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.linkText(tekst)));
        return klik(link);
    }

    private Browser klik(WebElement e) {
        String soort = e.getTagName();
        String type = e.getDomAttribute("type");
        boolean verlaatPagina = "a".equals(soort) || ("button".equals(soort) && !"button".equals(type) && !"reset".equals(type))
                || ("input".equals(soort) && "submit".equals(type));
        WebElement oudePagina = driver.findElement(By.tagName("html"));
        e.click();
        if (verlaatPagina) {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> weg(oudePagina));
        }
        return this;
    }

    /**
     * Whether the element's document is gone. Mid-navigation chromedriver may say so in two ways: stale
     * (the usual), or an inspector error that the node does not belong to the document (seen once in CI).
     */
    private static boolean weg(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException onderweg) {
            if (String.valueOf(onderweg.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            // any other hiccup mid-navigation: ask again
            return false;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
