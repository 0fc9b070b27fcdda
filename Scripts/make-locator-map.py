#!/usr/bin/env python3
"""Draws the sample explainer's locator map: Afghanistan and its neighbours (issue 13, point 8).

Output (into --out, default Content/russia-taliban/images/, the sample bundle; the SVG is
the source, kept beside the PNG and not published, since the article shows the PNG):
    afghanistan-locator.svg   the map, 1600 x 1200 user units, text as text (DejaVu Sans)
    afghanistan-locator.png   the same rasterised by libvips, 2000 x 1500 px, RGB, no metadata

Inputs, all public domain or hard-coded here:
  - Country shapes: Natural Earth 1:110m "Admin 0 - Countries" (public domain,
    naturalearthdata.com), as the geopandas 0.14.4 wheel on PyPI ships it in
    geopandas/datasets/naturalearth_lowres/ (shapefile + .cpg encoding ISO-8859-1, WGS 84).
    The wheel is only read as a zip (geopandas is not installed or imported); its SHA-256 is
    checked below. Without --wheel the script runs
        pip download geopandas==0.14.4 --no-deps -d <temporary folder>
  - Capitals: Kabul 34.5186°N 69.1813°E and Moscow 55.7541°N 37.6136°E, the points of
    Natural Earth 1:110m "Populated Places" (public domain) as the same wheel ships them in
    geopandas/datasets/naturalearth_cities/ (checked against it below, to 0.001°).
    They agree with the cities' usual coordinates (Kabul 34°31'N 69°11'E, Moscow 55°45'N 37°37'E).
  - Colours from Templates/assets/style.css (--accent, --fg, --muted, --bg, --panel, and tints
    of --panel and --link for the neighbours and the water).

Pinned versions: geopandas 0.14.4 wheel (data only; sha256 below), pyshp 3.1.6
(`pip install pyshp==3.1.6`), libvips 8.14 with its librsvg loader (Debian bookworm's
`libvips-tools` and `librsvg2-common`), DejaVu Sans (Debian `fonts-dejavu-core`), Python 3.11.

Run from anywhere:
    pip install pyshp==3.1.6
    Scripts/make-locator-map.py                   # downloads the wheel into a temporary folder
    Scripts/make-locator-map.py --wheel /path/to/geopandas-0.14.4-py3-none-any.whl --out Content/russia-taliban/images

Projection: Albers equal-area conic (sphere, R = 6371 km), standard parallels 30°N and 50°N,
centred on 64°E 40°N; the page is a rectangle of that projection whose corners are at about
24°E 54°N, 108°E 53°N, 40°E 19°N and 91°E 18°N (wide enough for Moscow). The script is
deterministic: the same inputs give the same SVG and PNG bytes (checked by running it twice).
"""
import argparse
import hashlib
import io
import math
import os
import subprocess
import sys
import tempfile
import zipfile

import shapefile  # pyshp

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WHEEL_NAME = "geopandas-0.14.4-py3-none-any.whl"
WHEEL_SHA256 = "3bb6473cb59d51e1a7fe2dbc24a1a063fb0ebdeddf3ce08ddbf8c7ddc99689aa"

# The page, in SVG user units (rasterised at PNG_WIDTH pixels wide).
WIDTH, HEIGHT = 1600, 1200
PNG_WIDTH = 2000
EARTH_KM = 6371.0
LON0, LAT0, PAR1, PAR2 = 64.0, 40.0, 30.0, 50.0
# The visible rectangle in projected kilometres (x east, y north of the centre).
VIEW_X0, VIEW_X1 = -2600.0, 2900.0
VIEW_Y1 = 2150.0  # top; the bottom follows from the aspect ratio
KM_PER_UNIT = (VIEW_X1 - VIEW_X0) / WIDTH
VIEW_Y0 = VIEW_Y1 - HEIGHT * KM_PER_UNIT

# Colours of the site (Templates/assets/style.css, light scheme) and two tints of them.
WATER = "#e3ebf3"  # a pale tint of --link (#0b5cad)
LAND = "#f2efe9"  # --panel: countries that are only context
NEIGHBOUR = "#e2dcd1"  # a darker --panel: the labelled neighbours
FOCUS = "#b3261e"  # --accent: Afghanistan
BORDER = "#a9a49b"
INK = "#1b1b1f"  # --fg
MUTED = "#55575e"  # --muted
PAPER = "#fdfcfa"  # --bg
SEA_INK = "#4f6f8f"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"

# ISO 3166 alpha-3 codes as Natural Earth has them.
FOCUS_ISO = "AFG"
NEIGHBOURS = ["RUS", "KAZ", "UZB", "TKM", "TJK", "KGZ", "CHN", "PAK", "IRN", "IND"]

# Labels: (text, longitude, latitude, size, style), placed by hand inside each country (where
# its shape is wide enough for the name) or sea; a newline starts a second line.
LABELS = [
    ("AFGHANISTAN", 65.3, 33.3, 26, "focus"),
    ("RUSSIA", 52.0, 55.6, 34, "country"),
    ("KAZAKHSTAN", 67.5, 48.0, 32, "country"),
    ("UZBEKISTAN", 61.6, 43.1, 23, "country"),
    ("TURKMENISTAN", 58.9, 39.0, 24, "country"),
    ("KYRGYZSTAN", 75.1, 41.8, 22, "country"),
    ("CHINA", 88.0, 35.0, 34, "country"),
    ("PAKISTAN", 68.7, 27.3, 30, "country"),
    ("IRAN", 54.5, 32.5, 34, "country"),
    ("INDIA", 79.0, 23.5, 34, "country"),
    ("Caspian\nSea", 50.1, 44.6, 22, "sea"),
    ("Arabian Sea", 62.8, 23.7, 24, "sea"),
]
# Tajikistan is too small for its name: (text, label longitude, latitude, point longitude,
# latitude, size), the label in open space with a leader line to a point inside the country.
CALLOUTS = [
    ("TAJIKISTAN", 75.8, 38.7, 72.6, 38.7, 24),
]
# Capitals: (name, longitude, latitude, label side). Natural Earth populated places (see top).
CAPITALS = [
    ("Kabul", 69.1813142, 34.5186361, "right"),
    ("Moscow", 37.613577, 55.75411, "right"),
]


def project(lon, lat):
    """Albers equal-area conic on the sphere: (lon, lat) in degrees -> SVG user units."""
    r = math.radians
    n = (math.sin(r(PAR1)) + math.sin(r(PAR2))) / 2
    c = math.cos(r(PAR1)) ** 2 + 2 * n * math.sin(r(PAR1))
    rho0 = math.sqrt(c - 2 * n * math.sin(r(LAT0))) / n
    rho = math.sqrt(c - 2 * n * math.sin(r(lat))) / n
    theta = n * r(lon - LON0)
    x_km = EARTH_KM * rho * math.sin(theta)
    y_km = EARTH_KM * (rho0 - rho * math.cos(theta))
    return (x_km - VIEW_X0) / KM_PER_UNIT, (VIEW_Y1 - y_km) / KM_PER_UNIT


def clip_ring(points, x0, y0, x1, y1):
    """Sutherland–Hodgman: the ring clipped to the rectangle (may be empty)."""
    def clip(pts, inside, cross):
        out = []
        for i, cur in enumerate(pts):
            prev = pts[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
        return out

    def at_x(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    pts = list(points)
    for inside, cross in ((lambda p: p[0] >= x0, at_x(x0)), (lambda p: p[0] <= x1, at_x(x1)),
                          (lambda p: p[1] >= y0, at_y(y0)), (lambda p: p[1] <= y1, at_y(y1))):
        if not pts:
            break
        pts = clip(pts, inside, cross)
    return pts


def num(v):
    """A coordinate as text: one decimal, no "-0.0", so the SVG's bytes are stable."""
    s = "%.1f" % v
    return "0" if s in ("0.0", "-0.0") else (s[:-2] if s.endswith(".0") else s)


def country_path(shape):
    """One SVG path (evenodd) of a country: each ring cut to lon/lat 20–110°E, 5–75°N (no
    wrap-around at 180°), projected, then clipped just outside the page."""
    rings = []
    starts = list(shape.parts) + [len(shape.points)]
    for a, b in zip(starts, starts[1:]):
        ring = clip_ring(shape.points[a:b], 20.0, 5.0, 110.0, 75.0)
        if len(ring) < 3:
            continue
        ring = clip_ring([project(lon, lat) for lon, lat in ring], -20, -20, WIDTH + 20, HEIGHT + 20)
        if len(ring) < 3:
            continue
        rings.append("M" + "L".join("%s %s" % (num(x), num(y)) for x, y in ring) + "Z")
    return "".join(rings)


def read_layer(wheel, name):
    """A pyshp Reader over one Natural Earth layer inside the wheel, in its own encoding."""
    z = zipfile.ZipFile(wheel)
    base = "geopandas/datasets/%s/%s" % (name, name)
    encoding = z.read(base + ".cpg").decode("ascii").strip()
    return shapefile.Reader(shp=io.BytesIO(z.read(base + ".shp")), shx=io.BytesIO(z.read(base + ".shx")),
                            dbf=io.BytesIO(z.read(base + ".dbf")), encoding=encoding)


def check_capitals(wheel):
    """The hard-coded capitals must be Natural Earth's points (to 0.001°)."""
    places = {}
    for rec in read_layer(wheel, "naturalearth_cities").iterShapeRecords():
        places[rec.record["name"]] = rec.shape.points[0]
    for name, lon, lat, _ in CAPITALS:
        found = places.get(name)
        if not found or abs(found[0] - lon) > 1e-3 or abs(found[1] - lat) > 1e-3:
            sys.exit("make-locator-map: %s is at %r in Natural Earth, not (%r, %r)" % (name, found, lon, lat))


def text(x, y, s, size, fill, weight="normal", anchor="middle", halo=PAPER, extra=""):
    """A label with a halo (a wide stroke of the background under the letters)."""
    attrs = 'x="%s" y="%s" font-size="%d" font-weight="%s" text-anchor="%s" fill="%s"%s' % (
        num(x), num(y), size, weight, anchor, fill, extra)
    if halo:
        attrs += ' stroke="%s" stroke-width="%s" stroke-linejoin="round" paint-order="stroke"' % (
            halo, num(size * 0.22))
    lines = s.split("\n")
    if len(lines) == 1:
        return "<text %s>%s</text>" % (attrs, s)
    spans = "".join('<tspan x="%s" dy="%s">%s</tspan>' % (num(x), "0" if i == 0 else num(size * 1.1), line)
                    for i, line in enumerate(lines))
    return "<text %s>%s</text>" % (attrs, spans)


def svg(wheel):
    """The map as SVG text."""
    countries = []
    for rec in read_layer(wheel, "naturalearth_lowres").iterShapeRecords():
        iso, name = rec.record["iso_a3"], rec.record["name"]
        d = country_path(rec.shape)
        if d:
            countries.append((iso, name, d))
    countries.sort(key=lambda c: (c[0] == FOCUS_ISO, c[0] in NEIGHBOURS, c[0], c[1]))
    found = {c[0] for c in countries}
    missing = [iso for iso in NEIGHBOURS + [FOCUS_ISO] if iso not in found]
    if missing:
        sys.exit("make-locator-map: not in the data: %s" % ", ".join(missing))

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
           'font-family="%s">' % (WIDTH, HEIGHT, WIDTH, HEIGHT, FONT),
           "<title>Locator map: Afghanistan and its neighbours</title>",
           '<clipPath id="page"><rect width="%d" height="%d"/></clipPath>' % (WIDTH, HEIGHT),
           '<rect width="%d" height="%d" fill="%s"/>' % (WIDTH, HEIGHT, WATER),
           '<g clip-path="url(#page)" stroke-linejoin="round">']
    for iso, name, d in countries:
        if iso == FOCUS_ISO:
            fill, stroke, width = FOCUS, INK, 2.2
        elif iso in NEIGHBOURS:
            fill, stroke, width = NEIGHBOUR, BORDER, 1.4
        else:
            fill, stroke, width = LAND, BORDER, 1.0
        out.append('<path id="%s" fill="%s" stroke="%s" stroke-width="%s" fill-rule="evenodd" d="%s"/>' % (
            iso.lower(), fill, stroke, num(width), d))
    out.append("</g>")

    for label, lon, lat, size, style in LABELS:
        x, y = project(lon, lat)
        y += size * 0.35 - size * 0.55 * label.count("\n")  # the text's middle on the point
        if style == "focus":
            out.append(text(x, y, label, size, PAPER, "bold", halo=None, extra=' letter-spacing="1.5"'))
        elif style == "sea":
            out.append(text(x, y, label, size, SEA_INK, halo=WATER, extra=' font-style="italic"'))
        else:
            out.append(text(x, y, label, size, INK, "bold", extra=' letter-spacing="1"'))
    for label, lon, lat, plon, plat, size in CALLOUTS:
        x, y = project(lon, lat)
        px, py = project(plon, plat)
        out.append('<path d="M%s %sL%s %s" stroke="%s" stroke-width="1.6" fill="none"/>' % (
            num(px), num(py), num(x - 6 if x > px else x + 6), num(y), MUTED))
        out.append('<circle cx="%s" cy="%s" r="3.5" fill="%s"/>' % (num(px), num(py), MUTED))
        out.append(text(x, y + size * 0.35, label, size, INK, "bold",
                        anchor="start" if x > px else "end", extra=' letter-spacing="1"'))
    for name, lon, lat, side in CAPITALS:
        x, y = project(lon, lat)
        out.append('<circle cx="%s" cy="%s" r="9" fill="%s" stroke="%s" stroke-width="4"/>' % (
            num(x), num(y), INK, PAPER))
        dx = 16 if side == "right" else -16
        out.append(text(x + dx, y + 9, name, 28, INK, "bold", anchor="start" if side == "right" else "end"))
    out.append('<rect x="0.75" y="0.75" width="%s" height="%s" fill="none" stroke="%s" stroke-width="1.5"/>' % (
        num(WIDTH - 1.5), num(HEIGHT - 1.5), BORDER))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def fetch_wheel(folder):
    """pip download of the pinned wheel into folder; returns its path."""
    subprocess.run([sys.executable, "-m", "pip", "download", "geopandas==0.14.4", "--no-deps", "--quiet",
                    "-d", folder], check=True)
    return os.path.join(folder, WHEEL_NAME)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheel", help="the geopandas 0.14.4 wheel (default: pip download it)")
    ap.add_argument("--out", default=os.path.join(ROOT, "Content", "russia-taliban", "images"), help="output folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(tmp)
        with open(wheel, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest != WHEEL_SHA256:
            sys.exit("make-locator-map: %s has SHA-256 %s, expected %s" % (wheel, digest, WHEEL_SHA256))
        check_capitals(wheel)
        text_svg = svg(wheel)
    os.makedirs(args.out, exist_ok=True)
    svg_path = os.path.join(args.out, "afghanistan-locator.svg")
    png_path = os.path.join(args.out, "afghanistan-locator.png")
    with open(svg_path, "w", encoding="utf-8") as f:
        f.write(text_svg)
    # libvips' SVG loader (librsvg) at 2000/1600 = 1.25 times the SVG's size, the alpha band
    # dropped (the map is opaque); [strip] leaves out metadata, so the PNG's bytes depend on the
    # drawing alone.
    subprocess.run(["vips", "extract_band", "%s[scale=%s]" % (svg_path, PNG_WIDTH / WIDTH),
                    "%s[strip,compression=9]" % png_path, "0", "--n", "3"], check=True)
    print("wrote %s and %s" % (svg_path, png_path))


if __name__ == "__main__":
    main()
