// Real-browser tests of the built network (Debian's chromium driven by playwright-core).
//
//   node tests/browser/run.mjs            (from anywhere; scripts/test.sh runs it)
//
// Environment:
//   LANTOA_BIN    the lantoa binary (default: debug/lantoa in the target directory cargo
//                 reports with `cargo metadata`, so CARGO_TARGET_DIR is followed)
//   CHROMIUM_BIN  the browser (default: /usr/bin/chromium); never downloaded
//   KEEP_TMP=1    keep the temporary folder (built site, browser profile) for a look
//   ONLY=regex    run only the tests whose name matches (while working on one check)
//   LANTOA_PROJECT  the project to build and check (default: this repository)
//   SCREENSHOT_DIR  where the screenshots of every page type go (default:
//                 tests/browser/screenshots/, ignored by git)
//   UPDATE_README_SCREENSHOTS=1  also rewrite the two reviewed pictures of the README
//                 (docs/screenshots/home-phone.png, home-desktop.png); never by default
//
// It builds the bundled network into a temporary folder, serves it on a loopback port with
// the small static server below, and runs every test of TESTS in sequence. Each test prints
// "ok <name>" or "FAIL <name>: <reason>"; the last line is "N passed, N failed" and the
// exit code is 1 when anything failed. Nothing is ever skipped: a missing browser, binary or
// page type is a failure.
//
// To add a check: write `async function myCheck(env)` that throws an Error on failure and
// register it below with `test("my check", myCheck)`. `env` is described above `main()`;
// the helpers (openPage, withPage, runAxe, horizontalOverflow, assert) are exported too, so
// a later file may import this one and register more tests before calling `main()`.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { CHECKS, CONTROL_PAGE, layoutProblems } from "./layout.mjs";

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- configuration

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, "..", "..");
/** The project whose network is built and checked (its content/ and themes/). */
const PROJECT_ROOT = process.env.LANTOA_PROJECT ? path.resolve(process.env.LANTOA_PROJECT) : REPO_ROOT;
const LANTOA_BIN = process.env.LANTOA_BIN ? path.resolve(process.env.LANTOA_BIN) : defaultBinary();
const CHROMIUM_BIN = process.env.CHROMIUM_BIN || "/usr/bin/chromium";
const BUILD_NOW = "2026-11-28";
/** The school site whose every page type is checked. */
const SITE = "thcs-hai-yen";
/** Screenshots of every page type, for a reviewer after a run (git-ignored). */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR
  ? path.resolve(process.env.SCREENSHOT_DIR)
  : path.join(HERE, "screenshots");
/** The README's two reviewed pictures: rewritten only with UPDATE_README_SCREENSHOTS=1. */
const README_SCREENSHOT_DIR = path.join(REPO_ROOT, "docs", "screenshots");

/** debug/lantoa in the target directory cargo uses (it follows CARGO_TARGET_DIR and config). */
function defaultBinary() {
  const r = spawnSync("cargo", ["metadata", "--format-version", "1", "--no-deps"], { cwd: REPO_ROOT, encoding: "utf8" });
  if (r.status === 0) {
    try {
      return path.join(JSON.parse(r.stdout).target_directory, "debug", "lantoa");
    } catch { /* fall through */ }
  }
  return path.resolve(HERE, "../../target/debug/lantoa");
}

const VIEWPORTS = {
  narrow: { width: 320, height: 640 },
  phone: { width: 390, height: 844 },
  desktop: { width: 1366, height: 768 },
};

/** axe impacts that fail a page; "moderate" and "minor" ones are printed as notes. */
const FAILING_IMPACTS = new Set(["serious", "critical"]);

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// ---------------------------------------------------------------- static server

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".woff2": "font/woff2",
};

/**
 * Serves `rootDir` on 127.0.0.1 at a free port: `index.html` for folders (a folder asked
 * without its trailing slash is redirected, so relative links work), a content type per
 * extension, 404 for anything else (with the body of `notFoundFile` when given, as a host
 * configured with the site's 404 page would). Resolves to { origin, close() }.
 */
function serveStatic(rootDir, { notFoundFile = null } = {}) {
  const root = path.resolve(rootDir);
  const server = http.createServer((req, res) => {
    const notFound = () => {
      if (notFoundFile && fs.existsSync(notFoundFile)) {
        res.writeHead(404, { "content-type": CONTENT_TYPES[".html"] });
        res.end(req.method === "HEAD" ? undefined : fs.readFileSync(notFoundFile));
      } else {
        res.writeHead(404, { "content-type": CONTENT_TYPES[".txt"] });
        res.end(req.method === "HEAD" ? undefined : "404 Not Found\n");
      }
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" });
      res.end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    let file = path.resolve(root, "." + pathname);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.isDirectory()) {
      if (!pathname.endsWith("/")) {
        res.writeHead(301, { location: encodeURI(pathname) + "/" });
        res.end();
        return;
      }
      file = path.join(file, "index.html");
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    if (!stat || !stat.isFile()) return notFound();
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
    res.writeHead(200, { "content-type": type, "content-length": stat.size, "cache-control": "no-store" });
    if (req.method === "HEAD") res.end();
    else fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

// ---------------------------------------------------------------- build and page discovery

function buildNetwork(outDir) {
  if (!fs.existsSync(LANTOA_BIN)) {
    throw new Error(`lantoa binary not found at ${LANTOA_BIN} (run \`cargo build\` or set LANTOA_BIN)`);
  }
  const args = ["--root", PROJECT_ROOT, "build", "--now", BUILD_NOW, "--out", outDir];
  const r = spawnSync(LANTOA_BIN, args, { encoding: "utf8" });
  if (r.error) throw new Error(`cannot run ${LANTOA_BIN}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`lantoa ${args.join(" ")} exited with ${r.status}:\n${r.stdout}${r.stderr}`);
  }
  for (const line of `${r.stdout}${r.stderr}`.trim().split("\n")) process.stdout.write(`# ${line}\n`);
}

/** Sub-folders of `dir` holding an index.html, sorted; `exclude` names are left out. */
function pageDirs(dir, exclude = []) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !exclude.includes(e.name))
    .filter((e) => fs.existsSync(path.join(dir, e.name, "index.html")))
    .map((e) => e.name)
    .sort();
}

/**
 * The page types of the school site, as { name, url } (absolute URLs on the local servers),
 * found by reading the built folder. A page type that is missing is an error, not a skip.
 */
function discoverPages(publicDir, networkOrigin, siteOrigin) {
  const siteDir = path.join(publicDir, SITE);
  if (!fs.existsSync(path.join(siteDir, "index.html"))) {
    throw new Error(`the build has no ${SITE}/index.html`);
  }
  const problems = [];
  const pages = [];
  const add = (name, rel) => {
    if (rel === null) problems.push(name);
    else pages.push({ name, url: `${networkOrigin}/${SITE}/${rel}` });
  };
  const first = (section, exclude = []) => {
    const d = pageDirs(path.join(siteDir, section), exclude)[0];
    return d === undefined ? null : `${section}/${d}/`;
  };
  const exists = (rel) => (fs.existsSync(path.join(siteDir, rel, "index.html")) ? rel : null);

  add("home", "");
  add("article", first("bai-viet", ["trang"]));
  add("story", first("guong-nguoi-tot-viec-tot", ["trang"]));
  add("primer", first("phap-luat", ["trang"]));
  add("page", exists("gioi-thieu-mo-hinh/"));
  add("article list", exists("bai-viet/"));
  add("tag list", exists("the/"));
  add("tag page", first("the"));
  add("contest index", exists("cuoc-thi/"));
  add("contest rules", first("cuoc-thi", ["trang"]));
  add("quiz", exists("on-tap/"));
  add("search", exists("tim-kiem/"));
  add("calendar", exists("lich-dang-bai/"));
  // 404.html links its style sheet from the site's absolute base path ("/"), as it must be
  // served for any missing URL: it is checked on a server rooted at the site folder.
  if (fs.existsSync(path.join(siteDir, "404.html"))) {
    pages.push({ name: "404", url: `${siteOrigin}/404.html` });
  } else problems.push("404");
  if (fs.existsSync(path.join(publicDir, "index.html"))) {
    pages.push({ name: "network index", url: `${networkOrigin}/` });
  } else problems.push("network index");

  for (const p of portalPageTypes(siteDir)) add(p.name, p.rel);

  if (problems.length) {
    throw new Error(`page types missing from the build of ${SITE}: ${problems.join(", ")}`);
  }
  return pages;
}

/**
 * The portal's page types of SITE (issue 15) as [{name, rel}] (rel null when missing): a
 * section whose source folder exists in the project (documents/, notices/, albums/) must be
 * built with its list and its pages; the Giới thiệu pages are checked when built.
 */
function portalPageTypes(siteDir) {
  const source = path.join(PROJECT_ROOT, "content", "sites", SITE);
  const out = [];
  const has = (rel) => fs.existsSync(path.join(siteDir, rel, "index.html"));
  const first = (rel, exclude = []) => {
    const d = pageDirs(path.join(siteDir, rel), ["trang", ...exclude])[0];
    return d === undefined ? null : `${rel}${d}/`;
  };
  const sections = [
    { src: "documents", rel: "van-ban/", list: "documents", one: "document", exclude: ["nam", "loai", "cap-tren"] },
    { src: "notices", rel: "thong-bao/", list: "notices", one: "notice", exclude: [] },
    { src: "albums", rel: "thu-vien-anh/", list: "albums", one: "album", exclude: [] },
  ];
  for (const s of sections) {
    if (!fs.existsSync(path.join(source, s.src))) continue;
    out.push({ name: s.list, rel: has(s.rel) ? s.rel : null });
    const one = first(s.rel, s.exclude);
    out.push({ name: s.one, rel: one });
    if (s.src === "albums") out.push({ name: "photo", rel: one ? first(one) : null });
  }
  if (has("gioi-thieu/")) out.push({ name: "about", rel: "gioi-thieu/" });
  if (has("gioi-thieu/to-chuc/")) out.push({ name: "organization", rel: "gioi-thieu/to-chuc/" });
  return out;
}

// ---------------------------------------------------------------- browser helpers

async function launchBrowser(userDataDir) {
  if (!fs.existsSync(CHROMIUM_BIN)) {
    throw new Error(
      `chromium not found at ${CHROMIUM_BIN}: install Debian's package (apt-get install -y chromium) ` +
        `or set CHROMIUM_BIN; the browser tests are never skipped`,
    );
  }
  const { chromium } = await importDependency("playwright-core");
  // playwright refuses --user-data-dir in args: a persistent context gets the fresh folder.
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_BIN,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORTS.desktop,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    reducedMotion: "reduce",
  });
}

/**
 * Opens `url` in a new tab of `size` and records what went wrong while loading: sub-resources
 * that failed or answered >= 400, requests to any other host than the local servers (the
 * theme promises none; they are blocked), uncaught page errors. Returns { page, problems,
 * response }; close the page when done (or use `withPage`).
 */
async function openPage(env, url, { size = VIEWPORTS.desktop, expectStatus = 200 } = {}) {
  const page = await env.context.newPage();
  await page.setViewportSize(size);
  const problems = [];
  const allowed = new Set(env.origins);
  await page.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === "data:" || u.protocol === "blob:" || allowed.has(u.origin)) return route.continue();
    problems.push(`request to another host: ${u.href}`);
    return route.abort("blockedbyclient");
  });
  page.on("requestfailed", (req) => {
    const why = req.failure()?.errorText || "failed";
    if (why.includes("BLOCKED_BY_CLIENT")) return; // already reported above
    problems.push(`request failed (${why}): ${req.url()}`);
  });
  page.on("response", (resp) => {
    if (resp.request().isNavigationRequest() && resp.request().frame() === page.mainFrame()) return;
    if (resp.status() >= 400) problems.push(`HTTP ${resp.status()} for ${resp.url()}`);
  });
  page.on("pageerror", (err) => problems.push(`uncaught error in the page: ${err.message}`));
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response) throw new Error(`no response for ${url}`);
  if (response.status() !== expectStatus) {
    problems.push(`HTTP ${response.status()} for the page itself (expected ${expectStatus})`);
  }
  return { page, problems, response };
}

async function withPage(env, url, opts, fn) {
  const opened = await openPage(env, url, opts);
  try {
    return await fn(opened);
  } finally {
    await opened.page.close();
  }
}

/** Runs axe-core on the page; returns its violations. */
async function runAxe(page) {
  await page.addScriptTag({ content: axeSource() });
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const results = await axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "),
        html: n.html.length > 160 ? n.html.slice(0, 157) + "..." : n.html,
        summary: n.failureSummary,
      })),
    }));
  });
}

let axeSourceCache = null;
function axeSource() {
  if (axeSourceCache === null) axeSourceCache = requireDependency("axe-core").source;
  return axeSourceCache;
}

const MISSING_DEPS = "run `npm ci` in tests/browser (scripts/test.sh does)";
async function importDependency(name) {
  try {
    return await import(name);
  } catch (err) {
    throw new Error(`cannot load ${name}: ${err.message}; ${MISSING_DEPS}`);
  }
}
function requireDependency(name) {
  try {
    return require(name);
  } catch (err) {
    throw new Error(`cannot load ${name}: ${err.message}; ${MISSING_DEPS}`);
  }
}

/** Why the page overflows sideways: the widest elements past the right edge of the viewport. */
async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const vw = window.innerWidth;
    if (doc.scrollWidth <= vw) return null;
    const culprits = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > vw + 0.5) {
        // keep the outermost offenders only
        if (culprits.some((c) => c.el.contains(el))) continue;
        const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
          (el.classList.length ? "." + [...el.classList].join(".") : "");
        culprits.push({ el, text: `${name} (right edge ${Math.round(r.right)}px)` });
      }
    }
    return { scrollWidth: doc.scrollWidth, innerWidth: vw, culprits: culprits.slice(0, 5).map((c) => c.text) };
  });
}

/** Lines describing axe violations: rule id, impact, help, then each target node. */
function formatViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`axe ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`);
    const MAX_NODES = 10;
    for (const n of v.nodes.slice(0, MAX_NODES)) lines.push(`    ${n.target}  ${n.html}`);
    if (v.nodes.length > MAX_NODES) lines.push(`    … and ${v.nodes.length - MAX_NODES} more`);
  }
  return lines;
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

// ---------------------------------------------------------------- tests

const TESTS = [];
/** Registers a check: `fn(env)` throws to fail. */
function test(name, fn) {
  TESTS.push({ name, fn });
}

/** a. Each page type loads cleanly and has no serious or critical axe violation. */
function pageCheck(pageName) {
  return async function pageAccessibility(env) {
    const { url } = env.page(pageName);
    await withPage(env, url, {}, async ({ page, problems }) => {
      const violations = await runAxe(page);
      const failing = violations.filter((v) => FAILING_IMPACTS.has(v.impact));
      for (const v of violations.filter((v) => !FAILING_IMPACTS.has(v.impact))) {
        env.note(`${pageName}: axe ${v.impact} ${v.id} (${v.nodes.length}×) – ${v.help}: ${v.nodes.map((n) => n.target).join(", ")}`);
      }
      const lines = [...problems, ...formatViolations(failing)];
      assert(lines.length === 0, `${url}\n  ${lines.join("\n  ")}`);
    });
  };
}

/**
 * b. Screenshots of every page type at 390 and 1366 px (whole page) into SCREENSHOT_DIR,
 * named <page type>-<width>.png, for a reviewer to look at after a run. The README's two
 * pictures (first screen of the home page) are rewritten only with UPDATE_README_SCREENSHOTS=1.
 */
async function pageScreenshots(env) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let written = 0;
  for (const { name, url } of env.pages) {
    for (const size of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
      await withPage(env, url, { size }, async ({ page, problems }) => {
        assert(problems.length === 0, `${name}: ${problems.join("; ")}`);
        const out = path.join(SCREENSHOT_DIR, `${name.replace(/\s+/g, "-")}-${size.width}.png`);
        await page.screenshot({ path: out, fullPage: true });
        const { size: bytes } = fs.statSync(out);
        assert(bytes > 1000, `${out} is only ${bytes} bytes`);
        written++;
      });
    }
  }
  env.note(`${written} screenshots in ${path.relative(process.cwd(), SCREENSHOT_DIR) || "."}`);
  if (process.env.UPDATE_README_SCREENSHOTS === "1") {
    fs.mkdirSync(README_SCREENSHOT_DIR, { recursive: true });
    for (const [file, size] of [["home-phone.png", VIEWPORTS.phone], ["home-desktop.png", VIEWPORTS.desktop]]) {
      await withPage(env, env.page("home").url, { size }, async ({ page }) => {
        const out = path.join(README_SCREENSHOT_DIR, file);
        await page.screenshot({ path: out, fullPage: false });
        env.note(`wrote ${path.relative(REPO_ROOT, out)} (${size.width}×${size.height})`);
      });
    }
  }
}

/** b. No page type scrolls sideways at `size`. */
function noOverflowAt(sizeName) {
  return async function noHorizontalOverflow(env) {
    const size = VIEWPORTS[sizeName];
    const failures = [];
    for (const { name, url } of env.pages) {
      await withPage(env, url, { size }, async ({ page }) => {
        const o = await horizontalOverflow(page);
        if (o) failures.push(`${name} (${url}): scrollWidth ${o.scrollWidth} > innerWidth ${o.innerWidth}; ${o.culprits.join(", ")}`);
      });
    }
    assert(failures.length === 0, `at ${size.width}px wide:\n  ${failures.join("\n  ")}`);
  };
}

/** c. The quiz shows no feedback before any answer. */
async function quizNoFeedbackBeforeAnswering(env) {
  await withPage(env, env.page("quiz").url, {}, async ({ page, problems }) => {
    assert(problems.length === 0, problems.join("; "));
    const items = await page.locator(".quiz-item").count();
    assert(items > 0, "the quiz has no .quiz-item");
    const visible = await page.locator(".quiz-feedback:visible").count();
    assert(visible === 0, `${visible} .quiz-feedback visible before answering`);
    const score = (await page.locator("#quiz-score").textContent()).trim();
    assert(score === "", `#quiz-score is not empty before answering: "${score}"`);
  });
}

/** c. Answering the first question with the keyboard shows its feedback; submitting scores it. */
async function quizAnswerAndScore(env) {
  await withPage(env, env.page("quiz").url, {}, async ({ page, problems }) => {
    const total = await page.locator(".quiz-item").count();
    assert(total > 0, "the quiz has no .quiz-item");
    const first = page.locator(".quiz-item").first();
    const feedback = first.locator(".quiz-feedback");

    // Keyboard: focus the first choice of question 1 and select it with Space.
    const radio = first.locator('input[type="radio"]').first();
    await radio.focus();
    await page.keyboard.press("Space");
    assert(await radio.isChecked(), "Space did not select the first choice of question 1");

    await feedback.waitFor({ state: "visible", timeout: 5000 }).catch(() => {});
    assert(await feedback.isVisible(), "no visible .quiz-feedback after answering question 1");
    assert(!(await feedback.evaluate((el) => el.hidden)), ".quiz-feedback of question 1 is still hidden");
    const text = (await feedback.innerText()).trim();
    assert(text.length > 0, ".quiz-feedback of question 1 is empty");
    const right = await feedback.evaluate((el) => el.classList.contains("is-right"));
    const others = await page.locator(".quiz-item:not(:first-child) .quiz-feedback:visible").count();
    assert(others === 0, `${others} other questions show feedback although unanswered`);

    // Submit with the button (a click, as most people do).
    await page.locator('#quiz button[type="submit"]').click();
    const score = page.locator("#quiz-score");
    await page.waitForFunction(() => document.getElementById("quiz-score")?.textContent.trim() !== "", null, { timeout: 5000 }).catch(() => {});
    const scoreText = (await score.textContent()).trim();
    const m = scoreText.match(/(\d+)\s*\/\s*(\d+)/);
    assert(m, `#quiz-score has no "right/total" after submitting: "${scoreText}"`);
    assert(Number(m[2]) === total, `#quiz-score says ${m[0]} but the quiz has ${total} questions`);
    assert(Number(m[1]) === (right ? 1 : 0),
      `#quiz-score says ${m[0]} after one ${right ? "right" : "wrong"} answer to question 1 only`);
    assert(await score.isVisible(), "#quiz-score is not visible");
    assert(problems.length === 0, problems.join("; "));
  });
}

/** c. The quiz with every question answered and scored (right and wrong feedback shown) has no serious or critical axe violation. */
async function quizFeedbackAccessibility(env) {
  await withPage(env, env.page("quiz").url, {}, async ({ page, problems }) => {
    const items = page.locator(".quiz-item");
    const total = await items.count();
    for (let i = 0; i < total; i++) {
      // the questions come in groups: go to the next group when this question is not shown
      if (!(await items.nth(i).isVisible())) await page.locator("#quiz .quiz-next").click();
      // alternate first and last choices so that both right and wrong answers are likely shown
      const radios = items.nth(i).locator('input[type="radio"]');
      await (i % 2 === 0 ? radios.first() : radios.last()).check();
    }
    await page.locator('#quiz button[type="submit"]').click();
    const shown = await page.locator(".quiz-feedback:visible").count();
    assert(shown === total, `${shown} of ${total} .quiz-feedback visible after answering every question`);
    const failing = (await runAxe(page)).filter((v) => FAILING_IMPACTS.has(v.impact));
    assert(failing.length === 0 && problems.length === 0, [...problems, ...formatViolations(failing)].join("\n  "));
  });
}

/**
 * c. The quiz shows a few questions at a time with its progress; the keyboard reaches the next
 * group (Enter on the button) and the focus lands on the progress line, which names the group.
 */
async function quizInGroups(env) {
  await withPage(env, env.page("quiz").url, { size: VIEWPORTS.phone }, async ({ page, problems }) => {
    const total = await page.locator(".quiz-item").count();
    assert(total > 5, `the bundled quiz has only ${total} questions`);
    const shown = () => page.locator(".quiz-item:visible").count();
    const first = await shown();
    assert(first > 0 && first <= 5, `${first} questions shown at once (expected 1 to 5)`);
    const progress = page.locator(".quiz-progress");
    assert(await progress.isVisible(), "no visible .quiz-progress");
    const text1 = (await progress.textContent()).trim();
    assert(text1.includes(String(total)), `the progress "${text1}" does not give the ${total} questions`);
    await page.locator(".quiz-item:visible input[type=radio]").first().check();
    const text1b = (await progress.textContent()).trim();
    assert(text1b !== text1, `the progress "${text1}" did not change after an answer`);
    await page.locator("#quiz .quiz-next").focus();
    await page.keyboard.press("Enter");
    const focused = await page.evaluate(() => document.activeElement?.classList.contains("quiz-progress"));
    assert(focused, "after the next group, the focus is not on the progress line");
    const firstShown = await page.locator(".quiz-item:visible").first().getAttribute("id");
    assert(firstShown === `cau-${first + 1}`, `after "next" the first question shown is ${firstShown}, expected cau-${first + 1}`);
    assert(problems.length === 0, problems.join("; "));
    env.note(`${first} of ${total} questions at a time; "${text1b}"`);
  });
}

/** c. Without JavaScript every question is readable and no pager button (which would do nothing) is shown. */
async function quizWithoutScript(env) {
  const page = await env.context.browser()?.newPage({ javaScriptEnabled: false }) ?? null;
  assert(page, "no browser to open a page without JavaScript");
  try {
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(env.page("quiz").url, { waitUntil: "load" });
    const total = await page.locator(".quiz-item").count();
    const shown = await page.locator(".quiz-item:visible").count();
    assert(total > 0 && shown === total, `${shown} of ${total} questions visible without JavaScript`);
    const pager = await page.locator(".quiz-pager:visible, .quiz-steps:visible").count();
    assert(pager === 0, `${pager} pager parts visible without JavaScript`);
  } finally {
    await page.close();
  }
}

/** The home page of every unit listed by the network index (each has its own colours) passes axe. */
async function everySiteHome(env) {
  const urls = await withPage(env, env.page("network index").url, {}, ({ page }) =>
    page.locator("a.site-name").evaluateAll((links) => links.map((a) => a.href)));
  assert(urls.length > 0, "the network index links no site (a.site-name)");
  const lines = [];
  for (const url of urls) {
    await withPage(env, url, {}, async ({ page, problems }) => {
      const failing = (await runAxe(page)).filter((v) => FAILING_IMPACTS.has(v.impact));
      for (const l of [...problems, ...formatViolations(failing)]) lines.push(`${url}: ${l}`);
    });
  }
  assert(lines.length === 0, lines.join("\n  "));
  env.note(`${urls.length} sites: ${urls.map((u) => new URL(u).pathname).join(" ")}`);
}

/** The practice quiz, after reset, hides the feedback again. */
async function quizReset(env) {
  await withPage(env, env.page("quiz").url, {}, async ({ page }) => {
    await page.locator('.quiz-item input[type="radio"]').first().check();
    await page.locator('#quiz button[type="reset"]').click();
    const visible = await page.locator(".quiz-feedback:visible").count();
    assert(visible === 0, `${visible} .quiz-feedback still visible after "reset"`);
  });
}

/** The site server answers a missing URL with the site's 404 page and status 404. */
async function missingUrlGets404Page(env) {
  await withPage(env, `${env.siteOrigin}/khong-co-trang-nay/`, { expectStatus: 404 }, async ({ page, problems }) => {
    assert(problems.length === 0, problems.join("; "));
    assert((await page.locator(".not-found h1").count()) === 1, "the 404 page has no .not-found h1");
  });
}

const PAGE_TYPES = [
  "home", "article", "story", "primer", "page", "article list", "tag list", "tag page",
  "contest index", "contest rules", "quiz", "search", "calendar", "404", "network index",
];
for (const name of PAGE_TYPES) test(`axe ${name}`, pageCheck(name));
test("screenshots of every page type at 390 and 1366 px", pageScreenshots);
for (const size of ["narrow", "phone", "desktop"]) {
  test(`no horizontal overflow at ${VIEWPORTS[size].width}px`, noOverflowAt(size));
}
test("quiz: no feedback before answering", quizNoFeedbackBeforeAnswering);
test("quiz: keyboard answer shows feedback, submit shows the score", quizAnswerAndScore);
test("quiz: reset hides the feedback", quizReset);
test("quiz: a few questions at a time, with progress, keyboard to the next group", quizInGroups);
test("quiz: without JavaScript every question is shown, no pager", quizWithoutScript);
test("axe quiz with feedback shown", quizFeedbackAccessibility);
test("axe home of every site", everySiteHome);
test("404 page served for a missing URL", missingUrlGets404Page);
test("serve: an edit shows the new title without a manual reload", serveLiveReload);
test("search: a query typed without diacritics finds the right page", searchWithoutDiacritics);
test("hostile corpus: no script runs on any page built from it", hostilePagesRunNoScript);
test("search: the browser fold matches lantoa's fold on the shared fixture", searchFoldFixture);

// ---------------------------------------------------------------- layout (tests/browser/layout.mjs)

/** Problems of `checks` on each page type at `sizeName`, as lines. */
async function layoutLines(env, sizeName, checks = CHECKS) {
  const size = VIEWPORTS[sizeName];
  const lines = [];
  for (const { name, url } of env.pages) {
    await withPage(env, url, { size }, async ({ page }) => {
      for (const p of await layoutProblems(page)) {
        if (checks.includes(p.check)) lines.push(`${name} [${p.check}] ${p.text}`);
      }
    });
  }
  return lines;
}

/** Every page type at `sizeName`: no clipped text, nothing off-screen, nothing covered, big enough targets, heading in view. */
function layoutAt(sizeName) {
  return async function layout(env) {
    const lines = await layoutLines(env, sizeName);
    assert(lines.length === 0, `at ${VIEWPORTS[sizeName].width}×${VIEWPORTS[sizeName].height}, ${lines.length} problems:\n  ${lines.join("\n  ")}`);
  };
}

/**
 * The checks can fail: on CONTROL_PAGE (one instance of each defect, marked data-defect)
 * every check reports its defect, and each report points at the marked element.
 */
async function layoutChecksCatchDefects(env) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lantoa-layout-"));
  let server;
  try {
    fs.writeFileSync(path.join(tmp, "index.html"), CONTROL_PAGE);
    server = await serveStatic(tmp);
    env.origins.push(server.origin);
    await withPage(env, `${server.origin}/`, { size: VIEWPORTS.phone }, async ({ page }) => {
      const found = await layoutProblems(page);
      const got = found.map((p) => `[${p.check}] ${p.text}`).join("\n  ");
      const missing = CHECKS.filter((c) => !found.some((p) => p.check === c && p.marks.includes(c)));
      assert(missing.length === 0, `the control page's defects were not reported by: ${missing.join(", ")}\n  got: ${got}`);
      const marked = await page.$$eval("[data-defect]", (els) => els.map((e) => ({ marks: e.dataset.defect.split(" "), html: e.outerHTML.slice(0, 60) })));
      for (const m of marked) {
        for (const c of m.marks) {
          // each marked element is reported by its check (matched by its own marks)
          const n = found.filter((p) => p.check === c && p.marks.join(" ") === m.marks.join(" ")).length;
          assert(n > 0, `no [${c}] report for ${m.html}\n  got: ${got}`);
        }
      }
      const stray = found.filter((p) => !p.marks.includes(p.check));
      assert(stray.length === 0, `reports outside the marked defects of the control page:\n  ${stray.map((p) => `[${p.check}] ${p.text}`).join("\n  ")}`);
      env.note(CHECKS.map((c) => `${c}: ${found.filter((p) => p.check === c).length}`).join(", ") + " reports on the control page, each on its marked defect");
    });
  } finally {
    if (server) await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The hotline is one tap away on the first screen of every page of the site, at 390 and
 * 1366 px, exactly once outside the footer (the home page used to show it twice: a fixed
 * bar and a button), and nothing fixed carries it. A contact list (a `<dl>` of address,
 * phone, hotline, as on Giới thiệu) is content, not a second button.
 */
async function hotlineOnceOnFirstScreen(env) {
  const lines = [];
  for (const { name, url } of env.pages.filter((p) => p.name !== "network index")) {
    for (const size of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
      await withPage(env, url, { size }, async ({ page }) => {
        const found = await page.evaluate(() => {
          const tel = document.querySelector(".site-footer .footer-hotline")?.getAttribute("href");
          if (!tel) return { tel: null, shown: [] };
          const shown = [...document.querySelectorAll(`a[href="${tel}"]`)].filter((a) => !a.closest(".site-footer, dl")).filter((a) => {
            const r = a.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
          }).map((a) => ({ cls: a.className, fixed: ["fixed", "sticky"].includes(getComputedStyle(a).position) ||
            ["fixed", "sticky"].includes(getComputedStyle(a.parentElement).position) }));
          return { tel, shown };
        });
        if (!found.tel) lines.push(`${name}: no hotline in the footer`);
        else if (found.shown.length !== 1) lines.push(`${name} at ${size.width}px: the hotline ${found.shown.length}× on the first screen (${found.shown.map((s) => s.cls).join(", ")})`);
        else if (found.shown[0].fixed) lines.push(`${name} at ${size.width}px: the hotline is fixed over the content`);
      });
    }
  }
  assert(lines.length === 0, lines.join("\n  "));
}

/**
 * The phone menu (a <details> in the header) opened on the home page at 320 and 390 px: its
 * entries are not clipped, off-screen, covered or too small (the heading may then be lower).
 */
async function openMenuLayout(env) {
  const lines = [];
  for (const sizeName of ["narrow", "phone"]) {
    await withPage(env, env.page("home").url, { size: VIEWPORTS[sizeName] }, async ({ page }) => {
      const toggle = page.locator("header details > summary").first();
      assert((await toggle.count()) === 1 && (await toggle.isVisible()), `no visible menu button (header details > summary) at ${VIEWPORTS[sizeName].width}px`);
      await toggle.press("Enter");
      assert(await page.locator("header details[open]").count() === 1, "Enter on the menu button did not open the menu");
      for (const p of await layoutProblems(page)) {
        if (p.check !== "heading") lines.push(`${VIEWPORTS[sizeName].width}px [${p.check}] ${p.text}`);
      }
    });
  }
  assert(lines.length === 0, `with the menu open:\n  ${lines.join("\n  ")}`);
}

test("layout of the open phone menu at 320 and 390px", openMenuLayout);
test("layout checks report each defect of the control page", layoutChecksCatchDefects);
test("hotline: once on the first screen of every page, not fixed", hotlineOnceOnFirstScreen);
for (const size of ["narrow", "phone", "desktop"]) {
  test(`layout of every page type at ${VIEWPORTS[size].width}px`, layoutAt(size));
}

// ---------------------------------------------------------------- school portal (issue 15)
// Kept as its own block of tests: the portal's page types, found in the build of SITE.

/** The portal's page types of SITE, as { name, url }: a missing one is an error, not a skip. */
function portalPages(env) {
  const siteDir = path.join(env.publicDir, SITE);
  const firstDir = (section, exclude = []) => {
    const d = pageDirs(path.join(siteDir, section), exclude)[0];
    return d === undefined ? null : `${section}/${d}/`;
  };
  const exists = (rel) => (fs.existsSync(path.join(siteDir, rel, "index.html")) ? rel : null);
  const album = firstDir("thu-vien-anh", ["trang"]);
  const wanted = [
    ["document list", exists("van-ban/")],
    ["document page", firstDir("van-ban", ["trang", "loai", "nam", "cap-tren"])],
    ["documents of a type", firstDir("van-ban/loai")],
    ["documents of the units above", exists("van-ban/cap-tren/")],
    ["notice list", exists("thong-bao/")],
    ["notice page", firstDir("thong-bao", ["trang"])],
    ["album list", exists("thu-vien-anh/")],
    ["album page", album],
    ["album photo", album && exists(`${album}anh-1/`)],
    ["Giới thiệu", exists("gioi-thieu/")],
    ["Tổ chức", exists("gioi-thieu/to-chuc/")],
  ];
  const missing = wanted.filter(([, rel]) => !rel).map(([name]) => name);
  assert(missing.length === 0, `portal page types missing from the build of ${SITE}: ${missing.join(", ")}`);
  return wanted.map(([name, rel]) => ({ name, url: `${env.networkOrigin}/${SITE}/${rel}` }));
}

/** axe: 0 serious or critical violations on every portal page type, at both widths. */
async function portalAccessibility(env) {
  const lines = [];
  for (const { name, url } of portalPages(env)) {
    for (const size of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
      await withPage(env, url, { size }, async ({ page, problems }) => {
        const failing = (await runAxe(page)).filter((v) => FAILING_IMPACTS.has(v.impact));
        for (const l of [...problems, ...formatViolations(failing)]) lines.push(`${name} at ${size.width}px (${url}): ${l}`);
      });
    }
  }
  assert(lines.length === 0, lines.join("\n  "));
}

/** No portal page type scrolls sideways at 390 px. */
async function portalNoOverflow(env) {
  const failures = [];
  for (const { name, url } of portalPages(env)) {
    await withPage(env, url, { size: VIEWPORTS.phone }, async ({ page }) => {
      const o = await horizontalOverflow(page);
      if (o) failures.push(`${name} (${url}): scrollWidth ${o.scrollWidth} > ${o.innerWidth}; ${o.culprits.join(", ")}`);
    });
  }
  assert(failures.length === 0, failures.join("\n  "));
}

/**
 * The menu at 390 px with the keyboard only: Tab reaches the menu button, Enter opens it, Tab
 * reaches every entry (each visible, inside the viewport), the page does not scroll sideways,
 * Shift+Tab back to the button and Enter closes it. The current page is marked.
 */
async function portalMenuKeyboard(env) {
  const url = `${env.networkOrigin}/${SITE}/van-ban/`;
  await withPage(env, url, { size: VIEWPORTS.phone }, async ({ page, problems }) => {
    assert(problems.length === 0, problems.join("; "));
    const button = page.locator(".nav-toggle > summary");
    assert(await button.isVisible(), "no visible menu button (.nav-toggle > summary) at 390px");
    assert(!(await page.locator(".nav-bar").isVisible()), "the wide menu bar is shown at 390px");
    let tabs = 0;
    while (!(await button.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press("Tab");
      assert(++tabs < 10, "Tab did not reach the menu button in 10 presses");
    }
    const links = page.locator(".nav-toggle .menu a");
    assert(!(await links.first().isVisible()), "the menu is open before the button is pressed");
    await page.keyboard.press("Enter");
    assert(await page.locator(".nav-toggle").evaluate((d) => d.open), "Enter did not open the menu");
    const count = await links.count();
    assert(count >= 8, `the phone menu has only ${count} links`);
    const labels = [];
    for (let i = 0; i < count; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const r = el.getBoundingClientRect();
        return { text: el.textContent.trim(), inMenu: !!el.closest(".nav-toggle .menu"), right: r.right, width: r.width };
      });
      assert(focused.inMenu, `Tab ${i + 1} left the menu (on "${focused.text}") before its ${count} entries`);
      assert(focused.width > 0 && focused.right <= VIEWPORTS.phone.width + 0.5, `menu entry "${focused.text}" is outside the viewport`);
      labels.push(focused.text);
    }
    const overflow = await horizontalOverflow(page);
    assert(!overflow, `the open menu scrolls sideways: ${overflow && overflow.culprits.join(", ")}`);
    const current = await page.locator('.nav-toggle .menu a[aria-current="page"]').allTextContents();
    assert(current.length === 1 && current[0].trim() === "Văn bản", `current entry: ${JSON.stringify(current)}`);
    for (let i = 0; i < count; i++) await page.keyboard.press("Shift+Tab");
    assert(await button.evaluate((el) => el === document.activeElement), "Shift+Tab did not come back to the menu button");
    await page.keyboard.press("Enter");
    assert(!(await page.locator(".nav-toggle").evaluate((d) => d.open)), "Enter did not close the menu");
    assert(!(await links.first().isVisible()), "the menu's entries are still visible after closing it");
    env.note(`phone menu: ${labels.join(" · ")}`);
  });
}

/** The album viewer: a thumbnail opens the photo's page; Next/Prev links and the arrow keys move. */
async function portalAlbumViewer(env) {
  const album = portalPages(env).find((p) => p.name === "album page").url;
  await withPage(env, album, { size: VIEWPORTS.phone }, async ({ page, problems }) => {
    const thumbs = await page.locator(".album-thumb a").count();
    assert(thumbs >= 2, `the album shows ${thumbs} thumbnails`);
    await page.locator(".album-thumb a").first().focus();
    await Promise.all([page.waitForURL(/anh-1\/$/), page.keyboard.press("Enter")]);
    await Promise.all([page.waitForURL(/anh-2\/$/), page.keyboard.press("ArrowRight")]);
    await Promise.all([page.waitForURL(/anh-1\/$/), page.keyboard.press("ArrowLeft")]);
    const img = page.locator(".photo-figure img");
    assert(await img.evaluate((el) => el.complete && el.naturalWidth > 0), "the photo did not load");
    assert(problems.length === 0, problems.join("; "));
  });
}

test("portal: axe on the document, notice, album and Giới thiệu pages", portalAccessibility);
test("portal: no horizontal overflow at 390px", portalNoOverflow);
test("portal: the phone menu opens, is walked and closes with the keyboard", portalMenuKeyboard);
test("portal: the album viewer works with the keyboard", portalAlbumViewer);

// ---------------------------------------------------------------- hostile corpus

const HOSTILE_DIR = path.join(REPO_ROOT, "tests", "hostile");

/** The `expect: safe` cases of tests/hostile/: { name, files, open: [page paths] }. */
function safeHostileCases() {
  return fs
    .readdirSync(HOSTILE_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ name: e.name, yaml: fs.readFileSync(path.join(HOSTILE_DIR, e.name, "case.yaml"), "utf8") }))
    .filter((c) => /^expect:\s*safe\s*$/m.test(c.yaml))
    .map((c) => ({
      name: c.name,
      files: path.join(HOSTILE_DIR, c.name, "files"),
      open: [...c.yaml.matchAll(/^\s+-\s+([^\s{][^\n]*\/)\s*$/gm)].map((m) => m[1]),
    }));
}

/**
 * Opens `url` and tries to make any script in it run: every element gets the events inline
 * handlers listen to, every link's protocol is read. Returns what ran (dialogs, the marker
 * global) and the links whose protocol is not http(s), mailto or tel.
 */
async function scriptsThatRun(env, url) {
  const page = await env.context.newPage();
  const ran = [];
  page.on("dialog", async (d) => {
    ran.push(`${d.type()}(${d.message()})`);
    await d.dismiss().catch(() => {});
  });
  page.on("pageerror", () => {});
  try {
    await page.goto(url, { waitUntil: "load" });
    const found = await page.evaluate(async () => {
      const events = ["focus", "blur", "mouseover", "mouseenter", "mousedown", "pointerdown", "load", "error", "toggle", "animationstart", "input", "change", "submit"];
      for (const el of document.querySelectorAll("*")) {
        for (const type of events) {
          try { el.dispatchEvent(new Event(type)); } catch { /* keep going */ }
        }
      }
      await new Promise((r) => setTimeout(r, 300));
      const bad = [...document.querySelectorAll("a[href], area[href]")]
        .map((a) => a.protocol)
        .filter((p) => !["http:", "https:", "mailto:", "tel:"].includes(p));
      return { bad, marker: typeof window.__pwned !== "undefined" };
    });
    if (found.marker) ran.push("window.__pwned set");
    return { ran, badLinks: found.bad };
  } finally {
    await page.close();
  }
}

async function hostilePagesRunNoScript(env) {
  const cases = safeHostileCases();
  assert(cases.length >= 3, `tests/hostile has only ${cases.length} safe cases`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lantoa-hostile-"));
  const project = path.join(tmp, "project");
  let server;
  try {
    fs.cpSync(path.join(REPO_ROOT, "content"), path.join(project, "content"), { recursive: true });
    fs.cpSync(path.join(REPO_ROOT, "themes"), path.join(project, "themes"), { recursive: true });
    for (const c of cases) fs.cpSync(c.files, project, { recursive: true });
    // The detector must see a script that runs: a control page that does run one.
    fs.writeFileSync(path.join(tmp, "control.html"), '<!doctype html><title>x</title><img src="nope" onerror="alert(1)" alt="">');
    const out = path.join(tmp, "public");
    const r = spawnSync(LANTOA_BIN, ["--root", project, "build", "--now", "2026-12-01", "--out", out], { encoding: "utf8" });
    assert(r.status === 0, `the hostile safe cases did not build (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    fs.copyFileSync(path.join(tmp, "control.html"), path.join(out, "control.html"));
    server = await serveStatic(out);
    env.origins.push(server.origin);
    const control = await scriptsThatRun(env, `${server.origin}/control.html`);
    assert(control.ran.length > 0, "the detector saw no script run on the control page");
    const problems = [];
    let opened = 0;
    for (const c of cases) {
      assert(c.open.length > 0, `case ${c.name} names no page to open`);
      for (const rel of c.open) {
        const { ran, badLinks } = await scriptsThatRun(env, `${server.origin}/${rel}`);
        opened++;
        if (ran.length) problems.push(`${c.name}: ${rel} ran ${ran.join(", ")}`);
        if (badLinks.length) problems.push(`${c.name}: ${rel} links ${badLinks.join(", ")}`);
      }
    }
    assert(problems.length === 0, problems.join("\n"));
    env.note(`${opened} hostile pages of ${cases.length} cases opened; no script ran (the control page's did)`);
  } finally {
    if (server) await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function searchWithoutDiacritics(env) {
  const url = `${env.networkOrigin}/${SITE}/tim-kiem/`;
  await withPage(env, url, {}, async ({ page, problems }) => {
    const loaded = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.includes("/tim-kiem/")));
    assert((await loaded()).length === 0, "the index is loaded lazily, not with the page");
    await page.fill("#q", "nguoi tot viec tot");
    await page.waitForSelector("#search-results li", { timeout: 10000 });
    const titles = await page.$$eval("#search-results li h2", (els) => els.map((e) => e.textContent));
    assert(titles.length > 0, "results for 'nguoi tot viec tot'");
    const marked = await page.$$eval("#search-results mark", (els) => els.map((e) => window.lantoaFold(e.textContent)));
    assert(marked.length > 0, "matching words are highlighted");
    assert(marked.every((m) => ["nguoi", "tot", "viec"].includes(m)), `only query words are highlighted: ${marked.slice(0, 8)}`);
    // The index is split: a query loads the manifest, its words' chunks and the results shown.
    const files = await loaded();
    assert(files.some((f) => f.endsWith("/tim-kiem/index.js")) && files.some((f) => f.includes("/tim-kiem/c/")) && files.some((f) => f.includes("/tim-kiem/d/")), `split index files: ${files.slice(0, 6)}`);
    await page.fill("#q", "tin gia");
    await page.waitForFunction(() => window.lantoaFold(document.querySelector("#search-results li h2")?.textContent || "").includes("tin gia"), null, { timeout: 10000 });
    // Whole words only: no mark starts or ends inside a word ("giậ|t").
    const cut = await page.$$eval("#search-results mark", (els) => els.filter((m) => {
      const letter = /[\p{L}\p{M}\p{N}]/u;
      const before = m.previousSibling?.textContent?.slice(-1) || "", after = m.nextSibling?.textContent?.[0] || "";
      return letter.test(before) || letter.test(after);
    }).map((m) => m.parentElement.textContent));
    assert(cut.length === 0, `highlights cut inside a word: ${cut.slice(0, 3)}`);
    await page.fill("#q", "Hai Yen");
    // Titles rank above text: the first result names the school in its title.
    await page.waitForFunction(() => document.querySelector("#search-results li h2")?.textContent.includes("Hải Yên"), null, { timeout: 10000 });
    const first = await page.$eval("#search-results li h2", (e) => e.textContent);
    // The list and the "more" button are reachable from the keyboard.
    await page.focus("#q");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.closest("#search-results") !== null || document.activeElement?.id === "search-more");
    assert(focused, "Tab from the search box reaches the results");
    env.note(`"nguoi tot viec tot" → ${titles.length} results; "Hai Yen" → "${first}"`);
    const violations = (await runAxe(page)).filter((v) => FAILING_IMPACTS.has(v.impact));
    assert(violations.length === 0, formatViolations(violations));
    assert(problems.length === 0, problems.join("\n"));
  });
}

async function searchFoldFixture(env) {
  const fixture = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "tests", "fold-fixture.json"), "utf8"));
  await withPage(env, `${env.networkOrigin}/${SITE}/tim-kiem/`, {}, async ({ page }) => {
    const wrong = await page.evaluate((pairs) => pairs.filter(([input, folded]) => window.lantoaFold(input) !== folded), fixture);
    assert(wrong.length === 0, `fold differs: ${JSON.stringify(wrong)}`);
  });
}

/**
 * Starts `lantoa serve` on a copy of the bundled project, opens an article, edits its file and
 * waits for the page to show the new title by itself (Server-Sent Events → reload).
 */
async function serveLiveReload(env) {
  const { spawn } = await import("node:child_process");
  const project = fs.mkdtempSync(path.join(os.tmpdir(), "lantoa-serve-"));
  fs.cpSync(path.join(REPO_ROOT, "content"), path.join(project, "content"), { recursive: true });
  fs.cpSync(path.join(REPO_ROOT, "themes"), path.join(project, "themes"), { recursive: true });
  const articles = path.join(project, "content", "sites", SITE, "articles");
  const file = fs.readdirSync(articles).filter((f) => f.endsWith(".md") && f < "2026-11-28").sort()[0];
  const slug = file.replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\.md$/, "");
  // The photos were processed by buildNetwork: the copy reuses its cache (the albums' photos
  // would otherwise take most of the start-up time in a debug build).
  const serveEnv = { ...process.env, LANTOA_CACHE: process.env.LANTOA_CACHE || path.join(REPO_ROOT, ".lantoa-cache") };
  const child = spawn(LANTOA_BIN, ["--root", project, "serve", "--port", "0", "--now", BUILD_NOW], { stdio: ["ignore", "pipe", "pipe"], env: serveEnv });
  let log = "";
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  try {
    const origin = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${log}`)), 30000);
      const check = () => {
        const m = log.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
        if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); } else setTimeout(check, 50);
      };
      check();
    });
    const page = await env.context.newPage();
    try {
      await page.goto(`${origin}/${SITE}/bai-viet/${slug}/`, { waitUntil: "load" });
      const before = (await page.textContent("h1")).trim();
      // Give the event stream a moment to connect before saving.
      await new Promise((r) => setTimeout(r, 500));
      const full = path.join(articles, file);
      const text = fs.readFileSync(full, "utf8");
      const newTitle = "Tiêu đề vừa sửa trong trình soạn thảo";
      fs.writeFileSync(full, text.replace(/^title:.*$/m, `title: "${newTitle}"`));
      await page.waitForFunction((t) => document.querySelector("h1")?.textContent.includes(t), newTitle, { timeout: 20000 });
      env.note(`"${before}" → "${newTitle}" without a manual reload`);
    } finally {
      await page.close();
    }
  } finally {
    child.kill();
    fs.rmSync(project, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- runner

/**
 * The environment every test receives:
 *   context      the playwright BrowserContext (chromium, one fresh profile)
 *   publicDir    the built network (tmp/public)
 *   networkOrigin  http://127.0.0.1:PORT serving publicDir (sites at /<site-id>/)
 *   siteOrigin   http://127.0.0.1:PORT serving publicDir/<SITE> at the root (its 404 page)
 *   origins      both origins (requests elsewhere are blocked and reported)
 *   pages        [{name, url}] the page types of SITE, found in the build
 *   page(name)   one of them, by name (throws if unknown)
 *   note(text)   prints "# text" under the running test
 */
async function main() {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 20) {
    process.stdout.write(`FAIL setup: Node.js ${process.versions.node} is too old, playwright-core needs >= 20\n0 passed, 1 failed\n`);
    process.exitCode = 1;
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lantoa-browser-"));
  const publicDir = path.join(tmp, "public");
  const cleanups = [];
  let passed = 0;
  let failed = 0;
  const fail = (name, err) => {
    failed++;
    const msg = err instanceof Error ? err.message : String(err);
    process.stdout.write(`FAIL ${name}: ${msg}\n`);
  };
  try {
    let env;
    try {
      buildNetwork(publicDir);
      const network = await serveStatic(publicDir);
      cleanups.push(network.close);
      const siteDir = path.join(publicDir, SITE);
      const site = await serveStatic(siteDir, { notFoundFile: path.join(siteDir, "404.html") });
      cleanups.push(site.close);
      const pages = discoverPages(publicDir, network.origin, site.origin);
      const userDataDir = path.join(tmp, "chromium-profile");
      fs.mkdirSync(userDataDir);
      const context = await launchBrowser(userDataDir);
      cleanups.unshift(() => context.close());
      env = {
        context,
        publicDir,
        networkOrigin: network.origin,
        siteOrigin: site.origin,
        origins: [network.origin, site.origin],
        pages,
        page(name) {
          const p = pages.find((x) => x.name === name);
          if (!p) throw new Error(`no page type named "${name}"`);
          return p;
        },
        note(text) {
          process.stdout.write(`# ${text}\n`);
        },
      };
      process.stdout.write(`# ${pages.length} page types of ${SITE}, chromium ${context.browser()?.version() ?? ""}\n`);
    } catch (err) {
      fail("setup", err);
      return;
    }
    const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
    for (const { name, fn } of TESTS) {
      if (only && !only.test(name)) continue;
      try {
        await fn(env);
        passed++;
        process.stdout.write(`ok ${name}\n`);
      } catch (err) {
        fail(name, err);
      }
    }
  } finally {
    for (const c of cleanups) {
      try { await c(); } catch { /* closing anyway */ }
    }
    if (process.env.KEEP_TMP) process.stdout.write(`# kept ${tmp}\n`);
    else fs.rmSync(tmp, { recursive: true, force: true });
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
    process.exitCode = failed > 0 ? 1 : 0;
  }
}

export {
  TESTS, test, main, openPage, withPage, runAxe, formatViolations, horizontalOverflow, assert,
  VIEWPORTS, FAILING_IMPACTS, SITE,
};

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // A hung browser must not hold CI until its own time limit: give up after 10 minutes.
  const WATCHDOG_MS = 10 * 60 * 1000;
  setTimeout(() => {
    process.stdout.write(`FAIL watchdog: the browser tests did not finish in ${WATCHDOG_MS / 60000} minutes\n`);
    process.exit(1);
  }, WATCHDOG_MS).unref();
  await main();
}
