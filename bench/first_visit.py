"""First-visit weight: what a browser with an empty cache transfers for one page.

    python3 bench/first_visit.py http://127.0.0.1:3200 / /ideen

Fetches each page as a browser does (Accept-Encoding: br, gzip), then every stylesheet,
script, module preload, WebAssembly and image the page names, and prints the bytes as
transferred (compressed, headers left out) per kind and in total. urllib does not decode,
so a body's length is what came over the wire.
"""

import sys
import urllib.request
from html.parser import HTMLParser

TARGET_BYTES = 300 * 1024  # issue 13: HTML + CSS + JS + WASM of the first visit


class Assets(HTMLParser):
    """Collects the addresses a page makes the browser load, with their kind."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "link" and "stylesheet" in rel:
            self.found.append(("css", a["href"]))
        elif tag == "link" and ("modulepreload" in rel or "preload" in rel):
            href = a["href"]
            self.found.append(("wasm" if href.endswith(".wasm") else "js", href))
        elif tag == "script" and a.get("src"):
            self.found.append(("js", a["src"]))
        elif tag == "img" and a.get("src") and not a["src"].startswith("data:"):
            self.found.append(("img", a["src"]))


def fetch(url, accept_encoding="br, gzip"):
    request = urllib.request.Request(
        url, headers={"Accept": "text/html,*/*", "Accept-Encoding": accept_encoding}
    )
    with urllib.request.urlopen(request) as response:
        return response.read(), response.headers.get("Content-Encoding") or "identity"


def weigh(base, path):
    html, encoding = fetch(base + path)
    rows = [("html", path, len(html), encoding)]
    # Python cannot read brotli without a package: the same page uncompressed, to read it.
    parser = Assets()
    parser.feed(fetch(base + path, "identity")[0].decode())
    # The hydration script imports the JS module and fetches the WebAssembly by name; both
    # are also preloaded, so the page names them all. A name twice is loaded once.
    seen = set()
    for kind, href in parser.found:
        if href in seen:
            continue
        seen.add(href)
        body, enc = fetch(base + href if href.startswith("/") else href)
        rows.append((kind, href, len(body), enc))
    return rows


def main():
    base, paths = sys.argv[1], sys.argv[2:] or ["/"]
    for path in paths:
        rows = weigh(base, path)
        print(f"\nfirst visit of {path} (empty cache, as transferred)")
        totals = {}
        for kind, href, size, enc in rows:
            totals[kind] = totals.get(kind, 0) + size
            print(f"  {kind:5} {size / 1024:9.1f} KB  {enc:8} {href}")
        code = sum(v for k, v in totals.items() if k != "img")
        print(
            "  " + ", ".join(f"{k} {v / 1024:.1f} KB" for k, v in totals.items())
            + f"; HTML+CSS+JS+WASM {code / 1024:.1f} KB (target ≤ {TARGET_BYTES // 1024} KB:"
            + (" met)" if code <= TARGET_BYTES else " NOT met)")
        )


if __name__ == "__main__":
    main()
