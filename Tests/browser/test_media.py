"""Images in a real browser (headless Chromium), on every page of the sample site: none is
broken, `<picture>` serves WebP, every image has its size before it loads (no layout shift),
only the first image of a page loads eagerly, and the published images carry no metadata.

The sample explainer is a bundle with a locator map (its lead image and an inline figure), so
these run on the site the repository publishes, served by `explainer preview` (conftest.py).
"""
import functools
import http.server
import json
import re
import shutil
import subprocess
import threading

import pytest

from test_site import open_page, page_file, site_pages

# Layout shifts recorded from navigation on (buffered), read once the images are in.
LAYOUT_SHIFT = """
const done = arguments[arguments.length - 1];
let total = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) { if (!entry.hadRecentInput) total += entry.value; }
}).observe({type: 'layout-shift', buffered: true});
Promise.all([...document.images].map(img => img.decode().catch(() => null)))
  .then(() => setTimeout(() => done(total), 300));
"""

IMAGES = """
return [...document.images].map(img => ({
  src: img.getAttribute('src'), current: img.currentSrc, complete: img.complete,
  natural: img.naturalWidth, width: img.getAttribute('width'), height: img.getAttribute('height'),
  alt: img.getAttribute('alt'), loading: img.getAttribute('loading'),
  inPicture: img.parentElement.tagName === 'PICTURE'}));
"""


def pages_with_images(site_dir) -> list[str]:
    return [p for p in site_pages(site_dir) if "<img" in page_file(site_dir, p).read_text(encoding="utf-8")]


def test_the_sample_site_has_images_on_several_page_kinds(site_dir):
    pages = pages_with_images(site_dir)
    # The overview (lead image and figure), the one-page view and the home page's card.
    assert "/" in pages and any(p.endswith("/all/") for p in pages), pages
    assert len(pages) >= 3, pages


def test_no_image_is_broken_and_picture_serves_webp(driver, base_url, site_dir):
    for page in pages_with_images(site_dir):
        open_page(driver, base_url + page)
        driver.execute_async_script("const done = arguments[0]; Promise.all([...document.images].map(i => i.decode().catch(() => null))).then(done);")
        images = driver.execute_script(IMAGES)
        assert images, page
        for image in images:
            assert image["complete"] and image["natural"] > 0, f"{page}: broken image {image}"
            assert image["width"] and image["height"], f"{page}: image without width/height {image}"
            assert image["alt"] is not None, f"{page}: image without alt {image}"
            if image["inPicture"]:
                assert image["current"].endswith(".webp"), f"{page}: <picture> did not serve WebP: {image}"


def test_only_the_first_image_of_a_page_loads_eagerly(driver, base_url, site_dir):
    for page in pages_with_images(site_dir):
        open_page(driver, base_url + page)
        loading = [image["loading"] for image in driver.execute_script(IMAGES)]
        assert loading[0] is None, f"{page}: the first image is lazy: {loading}"
        assert all(value == "lazy" for value in loading[1:]), f"{page}: {loading}"


# Image requests only, slowed down (Chromium's per-URL throttling, URLPattern syntax), so that
# they arrive well after the text has been laid out and painted.
IMAGE_EXTENSIONS = ("webp", "png", "jpg", "jpeg", "gif", "avif", "svg")
SLOW_IMAGES = [{"urlPattern": f"*://*:*/*.{ext}", "latency": 1500, "downloadThroughput": 100 * 1024,
                "uploadThroughput": 100 * 1024} for ext in IMAGE_EXTENSIONS]


def layout_shift(driver, url: str, width: int, height: int) -> float:
    """The cumulative layout shift of `url` while its images load slowly, in a viewport `width`
    wide and tall enough to hold every image of the page (a shift below the fold counts for
    nothing), read once the images are in."""
    from conftest import set_viewport
    set_viewport(driver, width, height)
    open_page(driver, url)
    bottom = driver.execute_script(
        "return Math.max(0, ...[...document.images].map(i => i.getBoundingClientRect().bottom + scrollY));")
    set_viewport(driver, width, max(height, int(bottom) + 100))
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Network.emulateNetworkConditionsByRule", {"offline": False, "matchedNetworkConditions": SLOW_IMAGES})
    try:
        open_page(driver, url)
        driver.set_script_timeout(60)
        return driver.execute_async_script(LAYOUT_SHIFT)
    finally:
        driver.execute_cdp_cmd("Network.emulateNetworkConditionsByRule", {"offline": False, "matchedNetworkConditions": []})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
        set_viewport(driver, width, height)


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_no_layout_shift_while_images_load(driver, base_url, site_dir, width, height):
    for page in pages_with_images(site_dir):
        shift = layout_shift(driver, base_url + page, width, height)
        assert shift == 0, f"{page} at {width}x{height}: cumulative layout shift {shift}"


class QuietFiles(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, *args):
        pass


def test_the_layout_shift_measure_sees_an_image_without_a_size(driver, site_dir, tmp_path):
    """The measure above is not vacuous: the same pages with `width`/`height` taken off their
    images (served as static files) do shift."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    for file in copy.rglob("*.html"):
        file.write_text(re.sub(r' width="\d+" height="\d+"', "", file.read_text(encoding="utf-8")), encoding="utf-8")
    handler = functools.partial(QuietFiles, directory=str(copy))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        shifts = {page: layout_shift(driver, base + page, 1280, 900) for page in pages_with_images(copy)}
    finally:
        server.shutdown()
        server.server_close()
    assert shifts and all(shift > 0 for shift in shifts.values()), shifts


def test_published_images_carry_no_metadata(site_dir):
    exiftool = shutil.which("exiftool")
    assert exiftool, "exiftool is not installed (Debian libimage-exiftool-perl)"
    images = [p for p in site_dir.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif")
              and not p.is_relative_to(site_dir / "assets")]
    assert images
    out = subprocess.run([exiftool, "-j", "-G", "-a", *map(str, images)], capture_output=True, text=True, check=True)
    for info in json.loads(out.stdout):
        groups = {key.split(":")[0] for key in info}
        leaked = groups & {"EXIF", "XMP", "IPTC", "Photoshop", "MakerNotes", "ICC_Profile"}
        assert not leaked, f"{info['SourceFile']} carries {sorted(leaked)}: {info}"
        assert not any("GPS" in key for key in info), info["SourceFile"]
