// What a reader's browser downloads for a search, on a generated site (Node 18+, no packages):
//
//   node bench/search_size.mjs [--articles 10000] [--bin target/release/lantoa] [--before BIN]
//   node bench/search_size.mjs --public DIR --site ID [--before-public DIR]
//
// The first form generates a one-site corpus with bench/gen_corpus.py (seed 1), builds it with
// --bin (default $LANTOA_BIN, else target/release/lantoa, else target/debug/lantoa) and, with
// --before, with another lantoa binary too (e.g. one built from an older commit) to compare.
// For each two-word query it loads what themes/default/static/search.js loads — the manifest,
// the chunks `needed` names, the entries of the first page of results (20) — and reports bytes
// and gzipped bytes (zlib level 6, what web servers use by default). A "before" build is
// reported as the size of its search folder's index.js (the whole index in one script, before
// the split).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const QUERIES = ["an toan", "tin gia", "hoc sinh", "mang xa", "phap luat", "lua dao", "nguoi tot", "chuyen doi", "bat nat", "quyen rieng"];
const PAGE = 20;

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

function run(cmd, argv, cwd) {
  const r = spawnSync(cmd, argv, { cwd, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(" ")}: ${r.stderr}`);
}

function build(bin, project, out) {
  const t = Date.now();
  run(bin, ["--root", project, "build", "--now", "2026-11-28 07:00", "--out", out], project);
  return (Date.now() - t) / 1000;
}

let publicDir = opt("public");
let site = opt("site");
let beforePublic = opt("before-public");
const articles = Number(opt("articles", "10000"));
if (!publicDir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lantoa-search-size-"));
  run("python3", [path.join(repo, "bench/gen_corpus.py"), "--seed", "1", "--sites", "1", "--articles", String(articles), "--out", tmp]);
  const project = path.join(tmp, "lantoa");
  site = fs.readdirSync(path.join(project, "content/sites"))[0];
  const release = path.join(repo, "target/release/lantoa");
  const bin = opt("bin", process.env.LANTOA_BIN || (fs.existsSync(release) ? release : path.join(repo, "target/debug/lantoa")));
  publicDir = path.join(tmp, "after");
  console.log(`${articles} articles, site ${site}: built in ${build(bin, project, publicDir).toFixed(1)} s (${bin})`);
  if (opt("before")) {
    beforePublic = path.join(tmp, "before");
    console.log(`before: built in ${build(opt("before"), project, beforePublic).toFixed(1)} s (${opt("before")})`);
  }
}

const sandbox = {};
sandbox.window = sandbox;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(path.join(repo, "themes/default/static/search.js"), "utf8"), sandbox);
const core = sandbox.lantoaSearchCore;
const dir = path.join(publicDir, site, "tim-kiem");
const gz = (buf) => zlib.gzipSync(buf, { level: 6 }).length;
function file(rel) {
  const bytes = fs.readFileSync(path.join(dir, rel));
  let data = null;
  sandbox.lantoaSearch = (k, n, d) => { data = d; };
  vm.runInContext(bytes.toString("utf8"), sandbox);
  return { bytes, data };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const manifest = file("index.js");
const rows = [];
for (const q of QUERIES) {
  const files = [manifest];
  const chunks = {};
  for (const n of core.needed(manifest.data, q)) {
    const c = file(`c/${n}.js`);
    chunks[n] = c.data;
    files.push(c);
  }
  const results = core.rank(manifest.data, chunks, q);
  const g = manifest.data.g;
  const entries = new Set(results.slice(0, PAGE).map((r) => Math.floor(r.doc / g)));
  for (const k of entries) files.push(file(`d/${k}.js`));
  const raw = files.reduce((s, f) => s + f.bytes.length, 0);
  const zipped = files.reduce((s, f) => s + gz(f.bytes), 0);
  rows.push({ q, results: results.length, files: files.length, raw, zipped });
}
console.log(`| query | results | files | bytes | gzipped |\n|---|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.q} | ${r.results} | ${r.files} | ${kb(r.raw)} | ${kb(r.zipped)} |`);
console.log(`largest gzipped download: ${kb(Math.max(...rows.map((r) => r.zipped)))}`);
let total = 0, totalFiles = 0;
for (const sub of ["", "c", "d"]) {
  for (const f of fs.readdirSync(path.join(dir, sub))) {
    if (!f.endsWith(".js")) continue;
    total += fs.statSync(path.join(dir, sub, f)).size;
    totalFiles++;
  }
}
console.log(`whole split index: ${totalFiles} files, ${kb(total)}; manifest ${kb(manifest.bytes.length)} (${kb(gz(manifest.bytes))} gzipped)`);
if (beforePublic) {
  const one = fs.readFileSync(path.join(beforePublic, site, "tim-kiem", "index.js"));
  console.log(`before: one index.js of ${kb(one.length)} (${kb(gz(one))} gzipped), loaded whole by any query`);
}
