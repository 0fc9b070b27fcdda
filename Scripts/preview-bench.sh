#!/usr/bin/env bash
# Measures `explainer preview`: save → reload-event latency, one-article rebuild time in a
# generated 1,000-article site, and 200 parallel requests (wrk, if installed).
# Usage: [ARTICLES=10000] [EDITS=21] Scripts/preview-bench.sh [path/to/explainer]
#        (default .build/release/explainer, 1,000 articles, 21 edits of which the first warms up)
set -euo pipefail
articles="${ARTICLES:-1000}"
edits="${EDITS:-21}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "${1:-$repo/.build/release/explainer}")"
work="$(mktemp -d /tmp/explainer-preview-bench.XXXXXX)"
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT

cp -r "$repo/Content" "$repo/Templates" "$work/"
# $articles articles: the sample article under that many names (distinct titles and dates).
python3 - "$work/Content" "$articles" <<'PY'
import sys, pathlib, re
content, count = pathlib.Path(sys.argv[1]), int(sys.argv[2])
src = (content / "russia-taliban" / "index.md").read_text()
for i in range(1, count):
    text = src.replace("Russia's recognition of the Taliban, explained", f"Generated explainer {i}")
    text = re.sub(r"date: 2025-07-04", f"date: 20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}", text)
    # A single-file article has no bundle: the sample's lead image and figures stay with it.
    text = re.sub(r"(?m)^(image|imageAlt|imageCredit): .*\n", "", text)
    text = re.sub(r"(?m)^!\[.*\n", "", text)
    (content / f"generated-{i:04d}.md").write_text(text)
PY

cd "$work"
"$bin" preview --port 0 > out.log 2> err.log &
pid=$!
for _ in $(seq 1 1200); do grep -q "Previewing at" out.log 2>/dev/null && break; sleep 0.1; done
port="$(grep -o '127.0.0.1:[0-9]*' out.log | head -1 | cut -d: -f2)"
head -2 out.log

python3 - "$port" "$work/Content/generated-0500.md" "$edits" "$pid" <<'PY'
import socket, sys, time, statistics, select, os
port, article, edits, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
def cpu_seconds():  # the server's user + system CPU time: steadier than wall time on a busy machine
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"GET /_explainer/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
buf = b""
while b"retry:" not in buf: buf += s.recv(65536)
original = open(article).read()
lat = []
for i in range(edits):
    time.sleep(0.3)
    buf = b""
    t0 = time.monotonic()
    with open(article, "w") as f: f.write(original + f"\nEdit number {i}.\n")
    while b"event: reload" not in buf:
        # A bound, not a measure: with search on, an edit waits for the last one's index.
        r, _, _ = select.select([s], [], [], 120)
        if not r: raise SystemExit("no reload event within 120 s")
        buf += s.recv(65536)
    lat.append((time.monotonic() - t0) * 1000)
    if i == 0: cpu0 = cpu_seconds()
cpu = (cpu_seconds() - cpu0) * 1000 / (edits - 1)
lat = lat[1:]  # the first edit warms up
with open(article, "w") as f: f.write(original)
print(f"save -> reload event: median {statistics.median(lat):.1f} ms, min {min(lat):.1f}, max {max(lat):.1f} (n={len(lat)}, 20 ms debounce included)")
print(f"server CPU time (user + system) per edit: {cpu:.1f} ms")
PY
sleep 0.5
python3 - out.log "$articles" <<'PY'
import re, sys, statistics
count = int(sys.argv[2])
lines = [l for l in open(sys.argv[1]) if "generated-0500.md changed" in l]
ms = [float(re.search(r"in ([0-9.]+) ms", l).group(1)) for l in lines][1:]
rendered = {re.search(r": (.*?),", l).group(1) for l in lines}
print(f"one-article rebuild ({count:,} articles): median {statistics.median(ms):.1f} ms, min {min(ms):.1f}, max {max(ms):.1f} (n={len(ms)}); {sorted(rendered)}")
print("sample:", lines[-1].strip())
PY

if command -v wrk >/dev/null; then
    echo "wrk: 200 connections, 2 threads, 5 s, GET /generated-0500/"
    wrk -t2 -c200 -d5s "http://127.0.0.1:$port/generated-0500/" | grep -E "Requests/sec|requests in|Non-2xx|Socket errors|Latency"
fi
python3 - "$port" <<'PY'
import sys, urllib.request, concurrent.futures
port = int(sys.argv[1])
paths = ["/", "/generated-0001/", "/assets/style.css", "/generated-0999/all/", "/nope/"] * 40
def get(p):
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{port}{p}", timeout=10).status
    except urllib.error.HTTPError as e:
        return e.code
with concurrent.futures.ThreadPoolExecutor(200) as pool:
    codes = list(pool.map(get, paths))
ok = sum(c in (200, 404) for c in codes)
print(f"200 parallel requests: {ok}/200 answered as expected (404 only for /nope/: {codes.count(404)} of 40)")
PY
kill -INT $pid; wait $pid || true
