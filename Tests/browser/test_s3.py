"""The site published to an S3 bucket works in a browser, served the way a CDN serves it.

`explainer publish --to s3://BUCKET/site` publishes a temp copy of Content/ and Templates/ to the
SeaweedFS server that Scripts/seaweedfs.sh started (EXPLAINER_S3_ENDPOINT and the test keys in the
environment; without them these tests are skipped, or fail when EXPLAINER_REQUIRE_S3=1). A tiny
"CDN" in front of the bucket answers `/x/` from the object `site/x/index.html` (and any other path
from its object), signing its GETs with Signature Version 4, passing the object's Content-Type,
Content-Encoding and Cache-Control through, and answering `404.html` with a 404 where there is no
object. Chromium loads the site through it: pages, the stylesheet, images, navigation, no console
errors.
"""
import datetime
import hashlib
import hmac
import http.server
import os
import shutil
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from conftest import ROOT, explainer_binary

PREFIX = "site"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def server():
    """(endpoint, key, secret) of the test server, or skip/fail when there is none."""
    endpoint = os.environ.get("EXPLAINER_S3_ENDPOINT")
    if not endpoint:
        message = "no S3 server (EXPLAINER_S3_ENDPOINT unset): run under Scripts/seaweedfs.sh"
        if os.environ.get("EXPLAINER_REQUIRE_S3") == "1":
            pytest.fail("EXPLAINER_REQUIRE_S3=1 but " + message)
        pytest.skip(message)
    return endpoint.rstrip("/"), os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"]


def signed_request(method, url, key, secret, region="us-east-1", headers=None):
    """A urllib Request for `url` signed with SigV4 (empty body), path-style."""
    parts = urllib.parse.urlsplit(url)
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    path = urllib.parse.quote(urllib.parse.unquote(parts.path) or "/", safe="/-_.~")
    query = "&".join(
        f"{urllib.parse.quote(k, safe='-_.~')}={urllib.parse.quote(v, safe='-_.~')}"
        for k, v in sorted(urllib.parse.parse_qsl(parts.query, keep_blank_values=True)))
    signed = {"host": parts.netloc, "x-amz-content-sha256": EMPTY_SHA256, "x-amz-date": amz_date}
    names = ";".join(sorted(signed))
    canonical = "\n".join([method, path, query, "".join(f"{k}:{signed[k]}\n" for k in sorted(signed)), names, EMPTY_SHA256])
    scope = f"{day}/{region}/s3/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    signing = ("AWS4" + secret).encode()
    for part in (day, region, "s3", "aws4_request"):
        signing = hmac.new(signing, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(signing, to_sign.encode(), hashlib.sha256).hexdigest()
    request = urllib.request.Request(f"{parts.scheme}://{parts.netloc}{path}" + (f"?{query}" if query else ""), method=method)
    for name, value in {**signed, **(headers or {})}.items():
        if name != "host":
            request.add_header(name, value)
    request.add_header("Authorization", f"AWS4-HMAC-SHA256 Credential={key}/{scope}, SignedHeaders={names}, Signature={signature}")
    return request


class CDN:
    """A reverse proxy in front of the bucket, as a CDN in front of S3 (path `/x/` → object
    `PREFIX/x/index.html`); it records what it served."""

    PASSED = ("Content-Type", "Content-Encoding", "Cache-Control", "ETag", "Content-Length")

    def __init__(self, endpoint, bucket, key, secret):
        self.served = {}  # path -> (status, headers)
        cdn = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def fetch(self, path):
                object_key = PREFIX + "/" + path.lstrip("/")
                if object_key.endswith("/"):
                    object_key += "index.html"
                url = f"{endpoint}/{bucket}/{urllib.parse.quote(object_key, safe='/-_.~')}"
                try:
                    with urllib.request.urlopen(signed_request("GET", url, key, secret), timeout=30) as answer:
                        return 200, answer.headers, answer.read()
                except urllib.error.HTTPError as error:
                    return error.code, error.headers, error.read()

            def do_GET(self):
                path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
                status, headers, body = self.fetch(path)
                if status == 404:
                    _, headers, body = self.fetch("404.html")
                self.send_response(status if status in (200, 404) else 502)
                passed = {name: headers[name] for name in CDN.PASSED if headers.get(name)}
                for name, value in passed.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
                cdn.served[path] = (status, passed)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def cdn(tmp_path_factory):
    endpoint, key, secret = server()
    bucket = "t-browser-" + uuid.uuid4().hex[:8]
    with urllib.request.urlopen(signed_request("PUT", f"{endpoint}/{bucket}", key, secret), timeout=30) as answer:
        assert answer.status == 200
    folder = tmp_path_factory.mktemp("s3-site")
    shutil.copytree(ROOT / "Content", folder / "Content")
    shutil.copytree(ROOT / "Templates", folder / "Templates")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_ENDPOINT_URL") and k not in ("AWS_PROFILE", "AWS_SESSION_TOKEN")}
    env["HOME"] = str(folder)
    run = subprocess.run(
        [str(explainer_binary()), "publish", "--to", f"s3://{bucket}/{PREFIX}", "--endpoint", endpoint],
        cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"publish failed ({run.returncode}):\n{run.stdout}\n{run.stderr}"
    assert run.stdout.strip().splitlines()[-1].startswith(f"Published to s3://{bucket}/{PREFIX}: ")
    proxy = CDN(endpoint, bucket, key, secret)
    yield proxy
    proxy.stop()


def console_errors(driver):
    return [f"{e['level']}: {e['message']}" for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_the_home_page_and_stylesheet_come_from_the_bucket_with_their_headers(driver, cdn):
    driver.get_log("browser")
    driver.get(cdn.base + "/")
    assert driver.title
    sheets = driver.execute_script(
        "return [...document.styleSheets].map(s => [s.href, s.cssRules.length])")
    assert sheets and all(count > 0 for _, count in sheets), f"stylesheets not applied: {sheets}"
    status, headers = cdn.served["/"]
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers.get("Content-Encoding") == "gzip", "the page is stored gzip and served so"
    assert "immutable" not in headers.get("Cache-Control", "")
    style = next(p for p in cdn.served if p.startswith("/assets/style.") and p.endswith(".css"))
    assert "immutable" in cdn.served[style][1].get("Cache-Control", "")
    assert cdn.served[style][1].get("Content-Encoding") == "gzip"
    assert console_errors(driver) == []


def test_navigation_and_images_work_through_the_cdn(driver, cdn):
    driver.get_log("browser")
    driver.get(cdn.base + "/")
    links = driver.execute_script(
        "return [...document.querySelectorAll('main a[href^=\"/\"]')].map(a => a.getAttribute('href'))")
    article = next(href for href in links if href.count("/") == 2 and not href.startswith(("/topics/", "/authors/", "/search/")))
    driver.find_element("css selector", f"main a[href='{article}']").click()
    assert driver.current_url == cdn.base + article
    assert driver.find_element("css selector", "h1").text
    section_links = driver.execute_script(
        "return [...document.querySelectorAll('a[href^=\"%s\"]')].map(a => a.getAttribute('href'))"
        " .filter(h => h !== '%s')" % (article, article))
    assert section_links, "the explainer links its sections"
    driver.get(cdn.base + section_links[0])
    assert cdn.served[section_links[0]][0] == 200
    for page in (article, section_links[0]):
        driver.get(cdn.base + page)
        images = driver.execute_script(
            "return [...document.images].map(i => { i.loading = 'eager'; return i.currentSrc || i.src })")
        driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "Promise.all([...document.images].map(i => i.decode().catch(() => null))).then(done)")
        broken = driver.execute_script("return [...document.images].filter(i => !i.naturalWidth).map(i => i.currentSrc || i.src)")
        assert broken == [], f"broken images on {page}: {broken} of {images}"
    assert console_errors(driver) == []


def test_a_missing_page_answers_the_404_page(driver, cdn):
    driver.get(cdn.base + "/no-such-page/")
    assert cdn.served["/no-such-page/"][0] == 404
    assert driver.find_element("css selector", "h1").text
