"""A two-language site in Chromium: the sample site with a German translation of its explainer
(`Content/russia-taliban/index.de.md`, at /de/russia-taliban/). The language switcher leads
from each language's page to the other's, and each language's search page finds its own
language's pages only (Pagefind's index is split by `<html lang>`)."""
import time
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import VIEWPORTS, Preview, set_viewport
from test_site import clear_logs, console_errors, failed_requests, open_page, page_file, run_validator

GERMAN_WORD = "Zwiebelturm"  # only in the German translation
ENGLISH_WORD = "perennial"  # only in the English risks section

TRANSLATION = f"""---
title: "Russland und die Taliban"
summary: "Warum Moskau die Taliban anerkannt hat."
date: 2025-07-04
sections:
  geschichte: "Die Vorgeschichte"
---
Moskau hat als erster Staat die Regierung der Taliban anerkannt.

## Die Vorgeschichte

Ein {GERMAN_WORD} steht in diesem Absatz, und nur hier.
"""


@pytest.fixture(scope="module")
def multilingual(tmp_path_factory):
    server = Preview(tmp_path_factory.mktemp("multilingual"))
    (server.content / "russia-taliban" / "index.de.md").write_text(TRANSLATION, encoding="utf-8")
    server.start()
    yield server
    server.stop()


def results(driver, base: str, search_page: str, word: str, wait: float = 20) -> list[str]:
    """The paths of the results `word` gives on `search_page` (empty when none within `wait`)."""
    open_page(driver, base + search_page)
    box = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "pagefind-input input"))
    box.send_keys(word)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        links = driver.find_elements(By.CSS_SELECTOR, "pagefind-results a[href]")
        if links:
            return [urlparse(link.get_attribute("href")).path for link in links]
        time.sleep(0.2)
    return []


def test_the_switcher_leads_to_the_other_language_and_back(driver, multilingual):
    set_viewport(driver, *VIEWPORTS["desktop"])
    clear_logs(driver)  # what earlier tests' pages left (a stopped preview's event stream)
    open_page(driver, multilingual.base + "/russia-taliban/")
    switch = driver.find_element(By.CSS_SELECTOR, '.language-switcher a[hreflang="de"]')
    assert switch.get_attribute("lang") == "de" and switch.text == "Deutsch"
    switch.click()
    WebDriverWait(driver, 10).until(lambda d: urlparse(d.current_url).path == "/de/russia-taliban/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    current = driver.find_element(By.CSS_SELECTOR, '.language-switcher a[aria-current="page"]')
    assert current.get_attribute("hreflang") == "de"
    driver.find_element(By.CSS_SELECTOR, '.language-switcher a[hreflang="en-GB"]').click()
    WebDriverWait(driver, 10).until(lambda d: urlparse(d.current_url).path == "/russia-taliban/")
    assert not console_errors(driver), console_errors(driver)
    assert not failed_requests(driver), failed_requests(driver)


def test_each_language_searches_its_own_pages(driver, multilingual):
    set_viewport(driver, *VIEWPORTS["desktop"])
    german = results(driver, multilingual.base, "/de/search/", GERMAN_WORD)
    assert german and all(path.startswith("/de/") for path in german), german
    english = results(driver, multilingual.base, "/search/", ENGLISH_WORD)
    assert "/russia-taliban/risks/" in english, english
    # The English index has no German page, the German no English one.
    assert results(driver, multilingual.base, "/search/", GERMAN_WORD, wait=4) == []
    assert results(driver, multilingual.base, "/de/search/", ENGLISH_WORD, wait=4) == []


def test_both_languages_pages_are_valid_html(multilingual):
    pages = ["/russia-taliban/", "/de/russia-taliban/", "/de/russia-taliban/geschichte/", "/de/", "/de/search/"]
    code, output = run_validator("--files", *[str(page_file(multilingual.output, page)) for page in pages])
    assert code == 0, f"W3C Nu validator reported errors:\n{output}"
