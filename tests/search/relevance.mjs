// Relevance test of the site search, run on a built network with the browser's own ranking
// code (themes/default/static/search.js, evaluated here without a page):
//
//   node tests/search/relevance.mjs PUBLIC_DIR            check tests/search/queries.json
//   node tests/search/relevance.mjs PUBLIC_DIR SITE QUERY  print the first results
//
// Each query of queries.json names the pages that must come first (in any order among the
// first |first|) and may name more pages that are also right answers; precision at 3 is the
// share of the first three results that are right answers (of the first min(3, right answers)
// when a query has fewer than three). Every query is ranked twice: on
// the split index, loading only the chunks the browser would load, and on the whole index
// merged into one chunk — the results must be identical (and so must they for every word,
// pair and prefix that starts a chunk, where a wrong split shows). Exit code 1 on any failure.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const [publicDir, showSite, showQuery] = process.argv.slice(2);
if (!publicDir) {
  console.error("usage: node tests/search/relevance.mjs PUBLIC_DIR [SITE QUERY]");
  process.exit(2);
}

const sandbox = {};
sandbox.window = sandbox;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(path.join(repo, "themes/default/static/search.js"), "utf8"), sandbox);
const core = sandbox.lantoaSearchCore;

/** The index of one site, read file by file as the browser loads it (counting what it reads). */
function openSite(site) {
  const dir = path.join(publicDir, site, "tim-kiem");
  const cache = new Map();
  const read = (kind, n) => {
    const key = `${kind}${n}`;
    if (!cache.has(key)) {
      const file = kind === "m" ? path.join(dir, "index.js") : path.join(dir, kind, `${n}.js`);
      let got = null;
      sandbox.lantoaSearch = (k, i, data) => { got = data; };
      vm.runInContext(fs.readFileSync(file, "utf8"), sandbox);
      cache.set(key, got);
    }
    return cache.get(key);
  };
  const manifest = read("m", 0);
  return {
    manifest,
    doc: (n) => read("d", Math.floor(n / manifest.g))[n % manifest.g],
    /** Ranked on the split index: only the chunks `needed` names. */
    split(query) {
      const chunks = {};
      for (const n of core.needed(manifest, query)) chunks[n] = read("c", n);
      return core.rank(manifest, chunks, query);
    },
    /** Ranked on one index holding every chunk. */
    single(query) {
      const whole = { w: {}, t: {} };
      manifest.chunks.forEach((_, n) => {
        const c = read("c", n);
        Object.assign(whole.w, c.w);
        Object.assign(whole.t, c.t);
      });
      return core.rank({ ...manifest, chunks: [""] }, { 0: whole }, query);
    },
  };
}

if (showSite) {
  const s = openSite(showSite);
  const results = s.split(showQuery);
  console.log(`${results.length} results`);
  for (const r of results.slice(0, 8)) {
    const d = s.doc(r.doc);
    console.log(`${r.tier} ${r.score.toFixed(1).padStart(6)} ${r.doc < s.manifest.own ? "own" : "   "} ${d.u} | ${d.t}`);
  }
  process.exit(0);
}

const queries = JSON.parse(fs.readFileSync(path.join(here, "queries.json"), "utf8"));
const sites = new Map();
const failures = [];
let precision = 0;
for (const q of queries) {
  if (!sites.has(q.site)) sites.set(q.site, openSite(q.site));
  const s = sites.get(q.site);
  const split = s.split(q.query);
  const single = s.single(q.query);
  const same = JSON.stringify(split) === JSON.stringify(single);
  if (!same) failures.push(`${q.site} "${q.query}": the split index ranks differently from the whole index`);
  const top = split.slice(0, 3).map((r) => s.doc(r.doc).u);
  const right = new Set([...q.first, ...(q.also || [])]);
  const p3 = top.filter((u) => right.has(u)).length / Math.min(3, right.size);
  precision += p3;
  const head = new Set(split.slice(0, q.first.length).map((r) => s.doc(r.doc).u));
  const missing = q.first.filter((u) => !head.has(u));
  if (missing.length) failures.push(`${q.site} "${q.query}": ${missing.join(", ")} not in the first ${q.first.length}; got ${top.join(", ")}`);
  console.log(`${missing.length || !same ? "FAIL" : "ok  "} P@3 ${p3.toFixed(2)}  ${q.site} "${q.query}" → ${top.join(", ")}`);
}
// Where the split can go wrong: a word that starts a chunk, a pair that does, and prefixes
// whose words run over into the next chunks.
let edges = 0;
for (const [site, s] of sites) {
  for (const bound of s.manifest.chunks.slice(1)) {
    const word = bound.trim();
    for (const q of [word, word.slice(0, 2), word.slice(0, 3)]) {
      edges++;
      if (JSON.stringify(s.split(q)) !== JSON.stringify(s.single(q))) failures.push(`${site} "${q}" (a chunk's edge): the split index ranks differently from the whole index`);
    }
  }
}
console.log(`${queries.length} queries, mean precision at 3: ${(precision / queries.length).toFixed(3)}; ${edges} queries at chunk edges rank alike on the split and the whole index`);
if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
