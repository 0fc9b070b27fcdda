"""Live reload in a real browser: with a page of the explainer open in headless Chromium, edit
the sources of a running `explainer preview` (its own temp copy of Content/ and Templates/) and
check that the open page follows within a second:

- an article edit reloads the page, which then shows the new sentence;
- a stylesheet edit swaps the stylesheet in place: no reload (a marker set on `window` before
  survives), and the computed style changes.

Latencies are measured from the moment the file is written to the moment the DOM shows the
change (polled), and printed at the end of the run.
"""
import json
import statistics
import time

import pytest

from conftest import FIGURES, LIVE_RELOAD_EVENTS, VIEWPORTS, Preview, set_color_scheme, set_viewport
from test_site import console_errors, failed_requests, live_reload_facts, page_file, site_pages

LIMIT = 1.0  # seconds from save to the open page showing the change
ROUNDS = 5


@pytest.fixture(scope="module")
def live(tmp_path_factory, driver):
    server = Preview(tmp_path_factory.mktemp("live")).start()
    yield server
    driver.get("about:blank")  # close the page's event stream before the server goes
    status = server.stop()
    assert status == 0, f"explainer preview did not stop cleanly (status {status}):\n{server.log()}"


def overview_page(site_dir) -> str:
    """The first explainer overview of the site (not `/corrections/` or another listing)."""
    return next(
        p for p in site_pages(site_dir)
        if p.endswith("/") and 'class="page-overview"' in page_file(site_dir, p).read_text(encoding="utf-8"))


def article_file(preview: Preview):
    articles = sorted([*preview.content.glob("*.md"), *preview.content.glob("*/index.md")])
    assert articles, "no article in Content/"
    return articles[0]


class NetworkLog:
    """Chromium's network log, kept: to wait for the page's event stream to be connected, then
    to check that nothing failed."""

    def __init__(self, driver):
        self.driver = driver
        self.entries = []
        driver.get_log("performance")

    def streams_connected(self) -> int:
        self.entries.extend(self.driver.get_log("performance"))
        count = 0
        for entry in self.entries:
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.responseReceived":
                response = message["params"]["response"]
                if response["url"].endswith(LIVE_RELOAD_EVENTS) and response["status"] == 200:
                    assert response["mimeType"] == "text/event-stream", response["mimeType"]
                    count += 1
        return count

    def wait_for_stream(self, count: int):
        """Waits until `count` event streams have been answered in all (one per page load)."""
        deadline = time.monotonic() + 5
        while self.streams_connected() < count:
            assert time.monotonic() < deadline, "the page never connected to the live-reload event stream"
            time.sleep(0.02)

    def failures(self) -> list[str]:
        self.entries.extend(self.driver.get_log("performance"))
        return failed_requests(self.driver, self.entries)


def open_live_page(driver, url: str) -> NetworkLog:
    network = NetworkLog(driver)
    driver.get_log("browser")
    driver.get(url)
    assert driver.execute_script("return document.readyState") == "complete"
    network.wait_for_stream(1)
    assert live_reload_facts(driver) == {"script": True, "running": True}
    return network


def wait_for(driver, script: str, *args, timeout: float = 5.0):
    """Polls `script` in the page until it returns a truthy value: (value, seconds waited)."""
    start = time.monotonic()
    while True:
        try:
            value = driver.execute_script(script, *args)
        except Exception:  # the page is being replaced (reload in flight): try again
            value = None
        elapsed = time.monotonic() - start
        if value or elapsed > timeout:
            return value, elapsed
        time.sleep(0.01)


def report(name: str, latencies: list[float]):
    ms = sorted(round(s * 1000) for s in latencies)
    FIGURES.append(f"{name}: median {statistics.median(ms):.0f} ms, max {ms[-1]} ms over {len(ms)} edits ({ms})")


def test_article_edit_shows_on_the_open_page(driver, live):
    set_viewport(driver, *VIEWPORTS["desktop"])
    set_color_scheme(driver, "light")
    page = overview_page(live.output)
    source = article_file(live)
    network = open_live_page(driver, live.base + page)
    # the lede's first paragraph: the first line of body text after the front matter
    text = source.read_text(encoding="utf-8")
    body_start = text.index("\n---\n", 4) + len("\n---\n")
    line_end = text.index("\n", body_start)
    assert text[body_start:line_end].strip(), "the article's body does not start with a paragraph"
    latencies = []
    for round_ in range(ROUNDS):
        sentence = f" Live reload check number {round_ + 1}."
        text = text[:line_end] + sentence + text[line_end:]
        line_end += len(sentence)
        network.wait_for_stream(round_ + 1)  # the (reloaded) page listens again
        driver.execute_script("window.__beforeReload = true")
        source.write_text(text, encoding="utf-8")
        found, seconds = wait_for(
            driver, "return !window.__beforeReload && document.querySelector('main').textContent.includes(arguments[0])",
            sentence.strip())
        assert found, f"the open page did not show the edit after {seconds:.2f} s\n{live.log()}"
        latencies.append(seconds)
    report("Live reload, article saved → open page shows the text", latencies)
    problems = console_errors(driver) + network.failures()
    assert not problems, "\n".join(problems)
    slow = [f"{s * 1000:.0f} ms" for s in latencies if s > LIMIT]
    assert not slow, f"slower than {LIMIT} s: {slow}"


def test_stylesheet_edit_swaps_the_css_without_reload(driver, live):
    set_viewport(driver, *VIEWPORTS["desktop"])
    page = overview_page(live.output)
    stylesheet = live.templates / "assets" / "style.css"
    network = open_live_page(driver, live.base + page)
    driver.execute_script("window.__marker = 1")
    original = stylesheet.read_text(encoding="utf-8")
    latencies = []
    for round_ in range(ROUNDS):
        width = f"{round_ + 3}px"
        before = driver.execute_script("return getComputedStyle(document.body).borderTopWidth")
        assert before != width
        stylesheet.write_text(original + f"\nbody {{ border-top: {width} solid rgb(1, 2, 3); }}\n", encoding="utf-8")
        changed, seconds = wait_for(driver, "return getComputedStyle(document.body).borderTopWidth === arguments[0]", width)
        assert changed, f"the computed style did not change after {seconds:.2f} s\n{live.log()}"
        assert driver.execute_script("return window.__marker") == 1, "the page was reloaded instead of swapping the stylesheet"
        latencies.append(seconds)
    href = driver.execute_script("return document.querySelector('link[rel~=stylesheet]').getAttribute('href')")
    assert "explainer-reload=" in href, f"the stylesheet link was not swapped: {href}"
    report("Live reload, style.css saved → open page restyled, no reload", latencies)
    problems = console_errors(driver) + network.failures()
    assert not problems, "\n".join(problems)
    slow = [f"{s * 1000:.0f} ms" for s in latencies if s > LIMIT]
    assert not slow, f"slower than {LIMIT} s: {slow}"


def test_stopping_the_preview_ends_open_event_streams_cleanly(driver, tmp_path_factory):
    """Ctrl-C with a page open: the server ends the page's event stream properly (no
    `ERR_INCOMPLETE_CHUNKED_ENCODING`), exits 0, and promptly. The page then retries to connect
    (connection refused): that is the only error the browser may log."""
    server = Preview(tmp_path_factory.mktemp("stop")).start()
    try:
        open_live_page(driver, server.base + "/")
        start = time.monotonic()
        status = server.stop()
        seconds = time.monotonic() - start
        time.sleep(1.5)  # the page notices, and retries once (retry: 1000)
        errors = [m for m in console_errors(driver)
                  if not (LIVE_RELOAD_EVENTS in m and "ERR_CONNECTION_REFUSED" in m)]
    finally:
        driver.get("about:blank")
        server.stop()
    assert status == 0, f"explainer preview exited with {status}:\n{server.log()}"
    assert seconds < 2, f"stopping took {seconds:.1f} s"
    assert not errors, "\n".join(errors)
