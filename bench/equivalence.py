#!/usr/bin/env python3
"""Equivalence table of two or more outputs of the same one-site corpus (bench/run.sh).

    python3 bench/equivalence.py lantoa=DIR hugo-0.168=DIR [hugo-0.111=DIR ...]

Each DIR is one site's folder (lantoa: OUT/<site-id>/, Hugo: its -d folder). Pages are sorted
into kinds by path: articles (`bai-viet/<slug>/`), the article list and its pages (lantoa
`bai-viet/`, Hugo `posts/`; `trang/N/`), the tag index (lantoa `the/`, Hugo `tags/`), tag pages
(`the/<slug>/`, `the/<slug>/trang/N/`), Hugo's `trang/1/` redirects, the home page, and the
rest. Prints a Markdown table: files, bytes, pages per kind, links on list pages, entries of
the feed and URLs of the sitemap.
"""

import re
import statistics
import sys
from pathlib import Path

LISTS = {"lantoa": "bai-viet", "hugo": "posts"}
TAG_INDEX = {"lantoa": "the", "hugo": "tags"}


def kind_of(rel: str, gen: str) -> str:
    parts = rel.split("/")
    if rel == "index.html":
        return "home"
    if not rel.endswith("index.html"):
        return "other file"
    folders = parts[:-1]
    if len(folders) >= 2 and folders[-2] == "trang" and folders[-1] == "1":
        return "redirect (trang/1/)"
    if folders[0] == LISTS[gen] and (len(folders) == 1 or folders[1] == "trang"):
        return "article list page"
    if folders[0] == "bai-viet" and len(folders) == 2:
        return "article page"
    if folders == [TAG_INDEX[gen]]:
        return "tag index"
    if folders[0] == "the" and (len(folders) == 2 or folders[2] == "trang"):
        return "tag list page"
    return "other page"


def survey(root: Path, gen: str) -> dict:
    files = [p for p in root.rglob("*") if p.is_file()]
    kinds: dict[str, int] = {}
    size = 0
    links: dict[str, list[int]] = {"article list page": [], "tag list page": []}
    pager: dict[str, list[int]] = {"article list page": [], "tag list page": []}
    cards: dict[str, list[int]] = {"article list page": [], "tag list page": []}
    for p in files:
        rel = p.relative_to(root).as_posix()
        k = kind_of(rel, gen)
        kinds[k] = kinds.get(k, 0) + 1
        size += p.stat().st_size
        if k in links:
            html = p.read_text(encoding="utf-8")
            links[k].append(html.count("<a "))
            nav = re.search(r'<nav class="pagination".*?</nav>', html, re.S)
            pager[k].append(nav.group(0).count("<a ") if nav else 0)
            cards[k].append(html.count('class="card-title"'))
    feed = (root / "feed.xml").read_text(encoding="utf-8") if (root / "feed.xml").exists() else ""
    sitemap = (root / "sitemap.xml").read_text(encoding="utf-8") if (root / "sitemap.xml").exists() else ""
    return {
        "files": len(files), "bytes": size, "kinds": kinds, "links": links, "pager": pager,
        "cards": cards, "feed_entries": feed.count("<entry>"), "feed_bytes": len(feed.encode()),
        "sitemap_urls": sitemap.count("<url>"),
    }


def stat(values: list[int]) -> str:
    if not values:
        return "–"
    return f"{statistics.mean(values):.1f} (max {max(values)})"


def main() -> None:
    cols = []
    for arg in sys.argv[1:]:
        name, _, d = arg.partition("=")
        gen = "lantoa" if name.startswith("lantoa") else "hugo"
        cols.append((name, survey(Path(d), gen)))
    kinds = ["home", "article page", "article list page", "tag index", "tag list page",
             "redirect (trang/1/)", "other page", "other file"]
    rows = [
        ("files", lambda s: f"{s['files']:,}"),
        ("bytes", lambda s: f"{s['bytes'] / 1e6:,.1f} MB"),
    ]
    rows += [(f"pages: {k}", lambda s, k=k: f"{s['kinds'].get(k, 0):,}") for k in kinds]
    for k in ("article list page", "tag list page"):
        rows.append((f"links per {k}, mean", lambda s, k=k: stat(s["links"][k])))
        rows.append((f"pager links per {k}, mean", lambda s, k=k: stat(s["pager"][k])))
        rows.append((f"cards per {k}, mean", lambda s, k=k: stat(s["cards"][k])))
    rows += [
        ("feed entries (feed.xml)", lambda s: str(s["feed_entries"])),
        ("feed bytes", lambda s: f"{s['feed_bytes'] / 1e3:,.0f} KB"),
        ("sitemap URLs", lambda s: f"{s['sitemap_urls']:,}"),
    ]
    print("| measure | " + " | ".join(n for n, _ in cols) + " |")
    print("|---|" + "---:|" * len(cols))
    for label, f in rows:
        print(f"| {label} | " + " | ".join(f(s) for _, s in cols) + " |")


if __name__ == "__main__":
    main()
