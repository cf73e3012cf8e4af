#!/usr/bin/env python3
"""Time `lantoa serve` after a save, as a browser sees it (bench/run.sh).

    serve_rebuild.py LANTOA PROJECT_ROOT [EDITS]

Starts `lantoa serve` on the project, opens the live-reload event stream like a browser, then
EDITS times (default 5): changes the title of one article on disk and measures

  * save → new text: from the file's write to the end of the first GET of the article's page
    whose HTML holds the new title (the browser reloads on the server's `reload` event);
  * the first article list page, tag page and feed asked for after that save, each timed
    from its request to the end of its answer.

Prints one JSON object: the times in ms (medians, and every value)."""
import http.client
import json
import pathlib
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

lantoa, root = sys.argv[1], pathlib.Path(sys.argv[2])
edits = int(sys.argv[3]) if len(sys.argv) > 3 else 5

proc = subprocess.Popen([lantoa, "--root", str(root), "serve", "--port", "0", "--now", "2026-11-28"],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines: list[str] = []
threading.Thread(target=lambda: [lines.append(l) for l in proc.stdout], daemon=True).start()


def wait_for(pattern: str, timeout: float = 300) -> re.Match:
    t0 = time.time()
    while time.time() - t0 < timeout:
        for l in list(lines):
            m = re.search(pattern, l)
            if m:
                return m
        if proc.poll() is not None:
            break
        time.sleep(0.02)
    raise SystemExit(f"timed out waiting for {pattern!r}:\n" + "".join(lines[-20:]))


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, str]:
    conn.request("GET", path)
    r = conn.getresponse()
    return r.status, r.read().decode("utf-8", "replace")


class Events:
    """The live-reload stream, read on a thread: counts `reload` events."""

    def __init__(self, port: int):
        self.reloads = 0
        self.cond = threading.Condition()
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(f"GET /__lantoa/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        self.sock = s
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        buf = b""
        while True:
            data = self.sock.recv(65536)
            if not data:
                return
            buf += data
            while b"event: reload" in buf:
                buf = buf.split(b"event: reload", 1)[1]
                with self.cond:
                    self.reloads += 1
                    self.cond.notify_all()

    def wait_past(self, n: int, timeout: float = 30) -> int:
        with self.cond:
            self.cond.wait_for(lambda: self.reloads > n, timeout)
            return self.reloads


try:
    port = int(wait_for(r"http://127\.0\.0\.1:(\d+)/").group(1))
    site = sorted(p.name for p in (root / "content" / "sites").iterdir())[0]
    article = sorted((root / "content" / "sites" / site / "articles").glob("*.md"))[-7]
    slug = article.stem[11:]
    page = f"/{site}/bai-viet/{slug}/"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    status, html = get(conn, page)
    if status != 200:
        raise SystemExit(f"{page}: {status}")
    tag_href = re.search(r'href="([^"]*/the/[^"/]+/)"', html).group(1)
    tag = urllib.parse.urljoin(page, tag_href)
    lists = {"list": f"/{site}/bai-viet/trang/7/", "tag": tag, "feed": f"/{site}/feed.xml"}
    for path in lists.values():  # every path answers before the timing starts
        assert get(conn, path)[0] == 200, path
    events = Events(port)
    time.sleep(0.5)
    text = article.read_text(encoding="utf-8")
    times: dict[str, list[float]] = {"visible": [], **{k: [] for k in lists}}
    for i in range(edits):
        title = f"Sửa lần {i} {time.time():.0f}"
        seen = events.reloads
        t0 = time.perf_counter()
        article.write_text(text.replace("title: \"", f"title: \"{title} — ", 1), encoding="utf-8")
        while True:
            seen = events.wait_past(seen)
            status, html = get(conn, page)
            if title in html:
                break
            if time.perf_counter() - t0 > 30:
                raise SystemExit(f"the new title never showed at {page}")
        times["visible"].append((time.perf_counter() - t0) * 1000)
        for k, path in lists.items():
            t1 = time.perf_counter()
            status, _ = get(conn, path)
            times[k].append((time.perf_counter() - t1) * 1000)
            assert status == 200, (path, status)
        time.sleep(0.5)
    article.write_text(text, encoding="utf-8")
    print(json.dumps({"median_ms": {k: round(statistics.median(v), 1) for k, v in times.items()},
                      "all_ms": {k: [round(x, 1) for x in v] for k, v in times.items()},
                      "paths": lists}))
finally:
    proc.kill()
