"""An Arabic explainer in Chromium: the page is right to left (`<html dir="rtl">`), its layout
mirrors (the body's text right-aligned, the pager's "next" on the left with its arrow pointing
left, the timeline's axis on the right), a Latin name inside Arabic text is isolated, axe finds
no WCAG 2.1 A/AA violation in light or dark mode, and the Nu validator finds no error. A
screenshot of the overview (phone) goes to SCREENSHOT_DIR as rtl-phone.png.

The site is built in a temp folder: the repository's Templates/ and a Content/ of its own.
"""
import os
import shutil
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import ROOT, VIEWPORTS, Preview, set_viewport
from test_site import axe_report, open_page, run_validator

SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "docs" / "screenshots"))

SITE = """\
title: الشارح
baseURL: https://explainer.example.org
language: ar
author: غرفة الأخبار
description: قصص طويلة تُروى في صفحات قصيرة مترابطة.
search: false
"""

ARTICLE = """\
---
title: "كيف تعمل الانتخابات"
summary: "شرح مختصر لطريقة فرز الأصوات وإعلان النتائج."
date: 2025-03-04
tags: [سياسة, انتخابات]
sections:
  history: "التاريخ"
  count: "الفرز"
  results: "النتائج"
keyPoints: ["تُفرز الأصوات في كل مركز.", "تُعلن النتائج بعد التدقيق."]
timeline:
  - { date: "1952", event: "أول انتخابات عامة" }
  - { date: "1990", event: "قانون انتخابي جديد" }
  - { date: "2024", event: "آخر انتخابات" }
---
هذه فقرة افتتاحية تشرح كيف تجري الانتخابات، ومن يفرز الأصوات، ومتى تُعلن النتائج للناس.

> "كل صوت يُحسب مرتين قبل إعلان النتيجة."
>
> — Ada Lovelace, خبيرة انتخابات

## التاريخ

نص قصير.

جرت أول انتخابات عامة في عام 1952، وشارك فيها عدد كبير من المواطنين في المدن والقرى.

## الفرز

يُفرز كل صندوق في مركز الاقتراع نفسه بحضور المراقبين، ثم تُرسل النتائج إلى اللجنة.

## النتائج

تُعلن اللجنة النتائج بعد تدقيقها، ويحق لكل مرشح الطعن فيها أمام المحكمة.
"""


def arabic_site(tmp_path: Path) -> Preview:
    server = Preview(tmp_path)
    shutil.rmtree(server.content)
    (server.content / "elections").mkdir(parents=True)
    (server.content / "site.yml").write_text(SITE, encoding="utf-8")
    (server.content / "elections" / "index.md").write_text(ARTICLE, encoding="utf-8")
    return server.start()


def rect(driver, element) -> dict:
    return driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", element)


def test_an_arabic_explainer_mirrors_and_is_accessible(tmp_path: Path, driver):
    server = arabic_site(tmp_path)
    try:
        set_viewport(driver, *VIEWPORTS["desktop"])
        # A middle page: it has both a "previous" and a "next".
        open_page(driver, server.base + "/elections/count/")
        html = driver.find_element(By.TAG_NAME, "html")
        assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ar"
        assert driver.execute_script("return getComputedStyle(document.body).direction") == "rtl"

        previous = driver.find_element(By.CSS_SELECTOR, ".pager .pager-prev")
        following = driver.find_element(By.CSS_SELECTOR, ".pager .pager-next")
        prev_box, next_box = rect(driver, previous), rect(driver, following)
        assert next_box["right"] <= prev_box["left"], f"next {next_box} should be left of previous {prev_box}"
        assert "التالي" in following.text and "Next" not in following.text
        # Its arrow is drawn mirrored: "→" turned to point left, the way the page turns.
        arrow = following.find_element(By.CSS_SELECTOR, ".pager-arrow")
        assert driver.execute_script("return getComputedStyle(arguments[0]).transform", arrow) == "matrix(-1, 0, 0, 1, 0, 0)"
        # The arrow is at the link's left end (its inline end in right to left).
        arrow_box, label_box = rect(driver, arrow), rect(driver, following.find_element(By.CSS_SELECTOR, ".pager-dir"))
        assert abs(arrow_box["left"] - label_box["left"]) < 2, (arrow_box, label_box)

        # The body's text starts on the right: a short paragraph's line ends at the right edge.
        open_page(driver, server.base + "/elections/history/")
        paragraph = next(p for p in driver.find_elements(By.CSS_SELECTOR, ".prose p") if p.text.strip() == "نص قصير.")
        box = rect(driver, paragraph)
        line = driver.execute_script(
            "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
            " return r.getBoundingClientRect().toJSON()", paragraph)
        assert abs(line["right"] - box["right"]) < 2, (line, box)
        assert line["left"] > box["left"] + box["width"] / 2, (line, box)
        assert driver.execute_script("return getComputedStyle(arguments[0]).textAlign", paragraph) in ("start", "right")

        # The history section's timeline: its axis is on the right of the drawing, the labels
        # to its left.
        svg = driver.find_element(By.CSS_SELECTOR, "svg.timeline-graphic")
        axis = svg.find_element(By.CSS_SELECTOR, "line.tl-axis")
        svg_box, axis_box = rect(driver, svg), rect(driver, axis)
        assert axis_box["left"] > svg_box["left"] + svg_box["width"] * 0.8, (axis_box, svg_box)
        for label in svg.find_elements(By.CSS_SELECTOR, "text.tl-event"):
            assert rect(driver, label)["right"] < axis_box["left"], "each event's label is left of the axis"

        # The overview: the quote's Latin name is isolated, and first (on the right).
        open_page(driver, server.base + "/elections/")
        speaker = driver.find_element(By.CSS_SELECTOR, "figure.quote .speaker")
        assert speaker.tag_name == "bdi" and speaker.text == "Ada Lovelace"
        caption_box = rect(driver, driver.find_element(By.CSS_SELECTOR, "figure.quote figcaption"))
        assert rect(driver, speaker)["right"] > caption_box["left"] + caption_box["width"] / 2, "the name comes first, on the right"

        set_viewport(driver, *VIEWPORTS["phone"])
        open_page(driver, server.base + "/elections/")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert driver.save_screenshot(str(SCREENSHOTS / "rtl-phone.png"))

        pages = ["/", "/elections/", "/elections/count/", "/elections/quotes/", "/elections/all/", "/topics/"]
        report = []
        for scheme in ("light", "dark"):
            for viewport in ("phone", "desktop"):
                report += axe_report(driver, server.base, pages, viewport, scheme)
        assert not report, "axe found violations:\n" + "\n".join(report)
    finally:
        set_viewport(driver, *VIEWPORTS["desktop"])
        assert server.stop() == 0, server.log()
    code, output = run_validator("--root", str(server.output))
    assert code == 0, f"W3C Nu validator reported errors:\n{output}"
