"""A newsroom's parts in a real browser: the correction notice at the top of an overview, the
"Corrections and updates" log, the "What we know" box and the site-wide corrections page.

The sample explainer has no corrections (none were ever made to it), so these tests add an
explainer that has them to a temp copy of the site, serve it with `explainer preview`
(conftest.py's `Preview`), and check its pages with the W3C Nu validator (the files on disk)
and with axe-core (WCAG 2.1 A/AA, light and dark, phone and desktop) in headless Chromium.
"""
import pytest
from selenium.webdriver.common.by import By

from conftest import VIEWPORTS, Preview, set_viewport
from test_site import axe_report, open_page, path_of, run_validator

ARTICLE = """---
title: "Ceasefire talks, explained"
summary: "Where the talks stand, who takes part and what could come next."
date: 2025-06-01
tags: [Diplomacy]
sections:
  history: "How the talks began"
keyPoints:
  - "Talks resumed in June."
  - "Two rounds have been held."
known:
  - "Two rounds of talks have been held."
  - "Both sides sent envoys."
unknown:
  - "Whether a third round will take place."
updates:
  - { date: 2025-06-02, kind: update, text: "Added the second round." }
  - { date: "2025-06-03T09:30:00+02:00", kind: correction, text: "An earlier version gave the wrong venue." }
  - { date: 2025-06-04, kind: clarification, text: "Made clear who chaired the talks." }
---
The talks opened in June after months of contacts through intermediaries.

## How the talks began

The first round was held in a neutral capital, the second a week later.
"""

OVERVIEW = "/ceasefire-talks/"
PAGES = [OVERVIEW, OVERVIEW + "all/", "/corrections/"]


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    server = Preview(tmp_path_factory.mktemp("newsroom"))
    (server.content / "ceasefire-talks.md").write_text(ARTICLE, encoding="utf-8")
    server.start()
    yield server
    status = server.stop()
    assert status == 0, f"explainer preview did not stop cleanly (status {status}):\n{server.log()}"


def test_the_newsroom_pages_are_valid_html(newsroom):
    for page in PAGES:
        assert (newsroom.output / page.lstrip("/") / "index.html").exists(), page
    code, output = run_validator("--root", str(newsroom.output))
    assert code == 0, f"W3C Nu validator reported errors:\n{output}"


def test_the_overview_shows_the_notice_the_box_and_the_log(driver, newsroom):
    set_viewport(driver, *VIEWPORTS["desktop"])
    open_page(driver, newsroom.base + OVERVIEW)
    notice = driver.find_element(By.CSS_SELECTOR, "aside.correction-notice")
    assert notice.is_displayed()
    assert "wrong venue" in notice.text and "who chaired" not in notice.text
    order = driver.execute_script("""
        const at = s => document.querySelector(s);
        const before = (a, b) => !!(at(a).compareDocumentPosition(at(b)) & Node.DOCUMENT_POSITION_FOLLOWING);
        return [before('h1', '.correction-notice'), before('.correction-notice', '.key-points'),
                before('.key-points', '.what-we-know'), before('.what-we-know', '.prose'),
                before('.prose', '.updates')];""")
    assert order == [True] * 5, order
    box = driver.find_element(By.CSS_SELECTOR, ".what-we-know")
    headings = [h.text for h in box.find_elements(By.TAG_NAME, "h2")]
    assert headings[0] == "What we know" and headings[1].startswith("What we don"), headings
    assert box.find_element(By.CSS_SELECTOR, ".as-of time").get_attribute("datetime") == "2025-06-04"
    log = [li.text for li in driver.find_elements(By.CSS_SELECTOR, ".updates li")]
    assert [entry.split(" ")[0] for entry in log] == ["Clarification", "Correction", "Update"], log
    # The notice's link lands on the log.
    notice.find_element(By.CSS_SELECTOR, "a").click()
    assert driver.execute_script("return location.hash") == "#corrections-and-updates"
    assert driver.execute_script("return document.querySelector(':target').textContent") == "Corrections and updates"


def test_the_corrections_page_links_to_the_log(driver, newsroom):
    set_viewport(driver, *VIEWPORTS["phone"])
    open_page(driver, newsroom.base + "/")
    driver.find_element(By.CSS_SELECTOR, ".site-footer a[href$='/corrections/']").click()
    assert path_of(driver.current_url) == "/corrections/"
    entries = driver.find_elements(By.CSS_SELECTOR, ".correction-list li")
    assert len(entries) == 1 and "wrong venue" in entries[0].text
    entries[0].find_element(By.CSS_SELECTOR, "a").click()
    assert path_of(driver.current_url) == OVERVIEW
    assert driver.execute_script("return location.hash") == "#corrections-and-updates"
    assert driver.execute_script("return !!document.querySelector(':target')")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_newsroom_pages(driver, newsroom, viewport, scheme):
    report = axe_report(driver, newsroom.base, PAGES, viewport, scheme)
    assert not report, "\n".join(report)
