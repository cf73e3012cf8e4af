#!/usr/bin/env python3
"""Time `lantoa serve` rebuilding after one edit: start it on a corpus, edit one article
several times, and read the "rebuilt in N ms" lines it prints. Prints the median in ms."""
import re, statistics, subprocess, sys, time, pathlib, threading

lantoa, root, runs = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 5
proc = subprocess.Popen([lantoa, "--root", str(root), "serve", "--port", "0", "--now", "2026-11-28"],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = []
threading.Thread(target=lambda: [lines.append(l) for l in proc.stdout], daemon=True).start()
def wait_for(pattern, start, timeout=300):
    t0 = time.time()
    while time.time() - t0 < timeout:
        for l in lines[start:]:
            m = re.search(pattern, l)
            if m:
                return m
        time.sleep(0.02)
    raise SystemExit(f"timed out waiting for {pattern!r}:\n" + "".join(lines[-20:]))
try:
    wait_for(r"http://127\.0\.0\.1:(\d+)/", 0)
    article = sorted((root / "content").rglob("articles/*.md"))[len(lines) % 7]
    text = article.read_text(encoding="utf-8")
    times = []
    for i in range(runs):
        start = len(lines)
        article.write_text(text.replace("title:", f"title: Sửa lần {i} —", 1), encoding="utf-8")
        times.append(int(wait_for(r"rebuilt in (\d+) ms", start).group(1)))
        time.sleep(0.3)
    article.write_text(text, encoding="utf-8")
    print(statistics.median(times))
finally:
    proc.kill()
