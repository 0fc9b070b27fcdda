"""Search in Chromium: on /search/, a word from the seed article's risks section finds it, and
the first result opens the page that holds the word; the search page passes axe (with results
shown, in light and dark mode, phone and desktop) and the Nu validator, and logs no console
error (its Content-Security-Policy allows exactly what Pagefind needs)."""
import time
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import FIGURES, VIEWPORTS, set_viewport
from test_site import axe_report, clear_logs, console_errors, failed_requests, open_page, page_file, run_validator

WORD = "perennial"  # only in "A risky move?", the risks section of russia-taliban
RISKS = "/russia-taliban/risks/"


def search(driver, base_url: str, word: str) -> list:
    """Types `word` into the search page's box; the result links, once they are shown."""
    open_page(driver, base_url + "/search/")
    box = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "pagefind-input input"))
    start = time.monotonic()
    box.send_keys(word)
    links = WebDriverWait(driver, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "pagefind-results a[href]") or None)
    FIGURES.append(f"search: first results {1000 * (time.monotonic() - start):.0f} ms after typing '{word}'")
    return links


def test_a_word_of_the_risks_section_finds_it(driver, base_url):
    set_viewport(driver, *VIEWPORTS["desktop"])
    clear_logs(driver)
    links = search(driver, base_url, WORD)
    first = links[0]
    assert urlparse(first.get_attribute("href")).path == RISKS, [l.get_attribute("href") for l in links]
    first.click()
    WebDriverWait(driver, 10).until(lambda d: urlparse(d.current_url).path == RISKS)
    assert WORD in driver.find_element(By.CSS_SELECTOR, "main").text
    assert not console_errors(driver), console_errors(driver)
    assert not failed_requests(driver), failed_requests(driver)


def test_the_search_page_logs_no_console_error(driver, base_url):
    set_viewport(driver, *VIEWPORTS["phone"])
    clear_logs(driver)
    search(driver, base_url, "Taliban")
    assert not console_errors(driver), console_errors(driver)
    assert not failed_requests(driver), failed_requests(driver)


def test_the_search_page_is_valid_html(site_dir):
    page = page_file(site_dir, "/search/")
    code, output = run_validator("--files", str(page))
    assert code == 0, f"W3C Nu validator reported errors:\n{output}"
    # Only that gap is ignored: the policy is otherwise checked.
    code, output = run_validator("--files", str(page), strict_csp=True)
    assert code != 0 and "wasm-unsafe-eval" in output and output.count("error:") == 1, output


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_search_page(driver, base_url, viewport, scheme):
    report = axe_report(driver, base_url, ["/search/"], viewport, scheme)
    assert not report, "\n".join(report)


def test_axe_finds_no_violations_with_results_shown(driver, base_url):
    from conftest import AXE_TAGS, axe_source
    set_viewport(driver, *VIEWPORTS["desktop"])
    search(driver, base_url, "Taliban")
    driver.execute_script(axe_source())
    result = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
           axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(r => done(r.violations), e => done([{id: 'axe-error', help: String(e), nodes: []}]));""",
        AXE_TAGS)
    assert not result, [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:5]]}" for v in result]


def test_the_header_link_is_a_plain_link_to_the_search_page(driver, base_url):
    open_page(driver, base_url + "/")
    link = driver.find_element(By.CSS_SELECTOR, ".site-nav a[href$='/search/']")
    assert link.text == "Search"
    link.click()
    WebDriverWait(driver, 10).until(lambda d: urlparse(d.current_url).path == "/search/")
