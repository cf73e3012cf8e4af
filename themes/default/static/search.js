// lantoa search: runs in the browser, offline, without a server. The index beside the page is
// split: index.js (a manifest naming the first word of each chunk), c/N.js (chunks of the sorted
// vocabulary: each word's pages and scores, computed by lantoa), d/N.js (the results, g a file);
// a query loads only the chunks of its words and the results it shows. Queries are folded like
// lantoa folds (case, tone marks and their placement, other diacritics, đ → d), so "nguoi tot"
// finds "Người tốt". The ranking below is also run by tests/search/relevance.mjs under Node.
(function (root) {
  "use strict";
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  // One-letter words are not indexed, except numbers (as lantoa's `keep`).
  function keep(w) { return Array.from(w).length >= 2 || /^[0-9]+$/.test(w); }
  function words(s) { return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean).filter(keep); }
  function pairKey(a, b) { return " " + a + " " + b; }

  // Weights of what the browser adds to lantoa's scores (BM25 per field): a word matched only
  // as the start of a longer one (the reader is still typing) counts a quarter; two query words
  // that follow each other in the page count again as a pair; the site's own pages (numbered
  // first) weigh a little more than copies shared from common/ or from the units above.
  var PREFIX = 0.25, PHRASE = 1, OWN = 1.2;
  var PAGE = 20;

  function chunkOf(bounds, t) {
    var lo = 0, hi = bounds.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (bounds[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // The query's words, the pairs they make, and the last word as a prefix (≥ 2 letters).
  function parse(query) {
    var terms = words(query);
    var pairs = [];
    for (var i = 0; i + 1 < terms.length; i++) pairs.push(pairKey(terms[i], terms[i + 1]));
    var last = terms[terms.length - 1];
    return { terms: terms, unique: terms.filter(function (t, i) { return terms.indexOf(t) === i; }), pairs: pairs, prefix: last && Array.from(last).length >= 2 ? last : null };
  }

  // The chunks a query needs, in order.
  function needed(manifest, query) {
    var q = parse(query), b = manifest.chunks, set = {};
    q.unique.concat(q.pairs).forEach(function (t) { set[chunkOf(b, t)] = true; });
    if (q.prefix) {
      for (var j = chunkOf(b, q.prefix) + 1; j < b.length && b[j].indexOf(q.prefix) === 0; j++) set[j] = true;
    }
    return Object.keys(set).map(Number).sort(function (x, y) { return x - y; });
  }

  // Postings are [page difference, value, …]: a Map page → value.
  function decode(arr) {
    var m = new Map(), d = 0;
    for (var i = 0; arr && i < arr.length; i += 2) { d += arr[i]; m.set(d, arr[i + 1]); }
    return m;
  }

  // `chunks`: chunk number → data, holding at least `needed(manifest, query)`. Every word must
  // match. Results: [{doc, score, tier, keys}], tier 2 = the words together in the title in
  // order, 1 = all in the title, 0 = elsewhere; keys = the indexed words the page matched.
  function rank(manifest, chunks, query) {
    var q = parse(query);
    if (!q.terms.length) return [];
    var b = manifest.chunks;
    function entry(kind, t) { var c = chunks[chunkOf(b, t)]; return c ? c[kind][t] : undefined; }
    var titles = {}, total = null;
    q.unique.forEach(function (t) {
      var hits = new Map();
      decode(entry("w", t)).forEach(function (s, doc) { hits.set(doc, { s: s, keys: [t] }); });
      titles[t] = decode(entry("t", t));
      if (t === q.prefix) {
        for (var j = chunkOf(b, t); j < b.length && (j === chunkOf(b, t) || b[j].indexOf(t) === 0); j++) {
          var c = chunks[j];
          if (!c) continue;
          Object.keys(c.w).forEach(function (k) {
            if (k === t || k.indexOf(t) !== 0) return;
            decode(c.w[k]).forEach(function (s, doc) {
              var h = hits.get(doc);
              if (!h) hits.set(doc, { s: s * PREFIX, keys: [k] });
              else { h.s = Math.max(h.s, s * PREFIX); h.keys.push(k); }
            });
          });
        }
      }
      if (total === null) { total = hits; return; }
      var next = new Map();
      total.forEach(function (h, doc) {
        var o = hits.get(doc);
        if (o) next.set(doc, { s: h.s + o.s, keys: h.keys.concat(o.keys) });
      });
      total = next;
    });
    var pairs = q.pairs.map(function (p) { return decode(entry("w", p)); });
    var results = [];
    total.forEach(function (h, doc) {
      var score = h.s;
      pairs.forEach(function (p) { score += PHRASE * (p.get(doc) || 0); });
      if (doc < manifest.own) score *= OWN;
      var masks = q.terms.map(function (t) { return titles[t].get(doc) || 0; });
      var tier = 0;
      if (masks.every(Boolean)) {
        tier = 1;
        for (var at = 0; at < 32 && tier < 2; at++) {
          if (masks.every(function (m, i) { return at + i < 32 && (m >>> (at + i)) & 1; })) tier = 2;
        }
      }
      results.push({ doc: doc, score: score, tier: tier, keys: h.keys });
    });
    return results.sort(function (x, y) { return y.tier - x.tier || y.score - x.score || x.doc - y.doc; });
  }

  // The words of `text` a result matched, whole words only, as [text, marked] runs.
  function marks(text, keys) {
    var out = [], last = 0, re = /[\p{L}\p{M}\p{N}]+/gu, m;
    while ((m = re.exec(text))) {
      if (keys.indexOf(fold(m[0])) < 0) continue;
      if (m.index > last) out.push([text.slice(last, m.index), false]);
      out.push([m[0], true]);
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push([text.slice(last), false]);
    return out;
  }

  // About 200 characters of the summary around its first matched word, cut between words.
  function snippet(text, keys) {
    var re = /[\p{L}\p{M}\p{N}]+/gu, m, at = -1;
    while ((m = re.exec(text))) { if (keys.indexOf(fold(m[0])) >= 0) { at = m.index; break; } }
    if (at < 60 || text.length <= 200) return text.length <= 200 ? text : cut(text, 0);
    return cut(text, text.lastIndexOf(" ", at - 40) + 1);
  }
  function cut(text, start) {
    var end = start + 200 >= text.length ? text.length : text.lastIndexOf(" ", start + 200);
    if (end <= start) end = Math.min(text.length, start + 200);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  var core = { fold: fold, words: words, parse: parse, needed: needed, rank: rank, marks: marks, snippet: snippet, chunkOf: chunkOf };
  root.lantoaFold = fold;
  root.lantoaSearchCore = core;
  if (typeof document === "undefined") return;

  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var d = form.dataset;
  var base = d.index.replace(/[^/]*$/, "");
  var parts = {}, loading = {};

  // Every file of the index calls lantoaSearch(kind, n, data) when its script runs.
  root.lantoaSearch = function (kind, n, data) { parts[kind + n] = data; };
  function load(kind, n) {
    var key = kind + n;
    if (parts[key]) return Promise.resolve(parts[key]);
    if (!loading[key]) {
      loading[key] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = kind === "m" ? d.index : base + kind + "/" + n + ".js";
        s.onload = function () { parts[key] ? resolve(parts[key]) : reject(); };
        s.onerror = function () { delete loading[key]; reject(); };
        document.head.appendChild(s);
      });
    }
    return loading[key];
  }
  function manifest() {
    if (!parts.m0) status.textContent = d.loading;
    return load("m", 0);
  }

  function fill(el, runs) {
    runs.forEach(function (r) {
      if (!r[1]) { el.appendChild(document.createTextNode(r[0])); return; }
      var mark = document.createElement("mark");
      mark.textContent = r[0];
      el.appendChild(mark);
    });
  }

  function item(r, doc) {
    var li = document.createElement("li");
    li.className = "search-result";
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = d.root + doc.u;
    fill(a, marks(doc.t, r.keys));
    h.appendChild(a);
    li.appendChild(h);
    if (doc.d || doc.k) {
      var meta = document.createElement("p");
      meta.className = "search-meta";
      meta.textContent = [doc.k, doc.d].filter(Boolean).join(" · ");
      li.appendChild(meta);
    }
    var p = document.createElement("p");
    fill(p, marks(snippet(doc.s, r.keys), r.keys));
    li.appendChild(p);
    return li;
  }

  var current = { query: null, results: [], shown: 0 };
  // Shows the next page of results (their entries loaded first).
  function showMore(query) {
    var batch = current.results.slice(current.shown, current.shown + PAGE);
    var g = parts.m0.g;
    return Promise.all(batch.map(function (r) {
      return load("d", Math.floor(r.doc / g)).then(function (entries) { return entries[r.doc % g]; });
    })).then(function (docs) {
      if (current.query !== query) return;
      var focus = current.shown > 0;
      batch.forEach(function (r, i) {
        var li = item(r, docs[i]);
        list.appendChild(li);
        if (focus && i === 0) { li.querySelector("a").focus(); }
      });
      current.shown += batch.length;
      if (more) more.hidden = current.shown >= current.results.length;
    });
  }

  var asked = 0;
  function show(query) {
    var mine = ++asked;
    manifest().then(function (m) {
      return Promise.all(needed(m, query).map(function (n) { return load("c", n); })).then(function (loaded) {
        var chunks = {};
        needed(m, query).forEach(function (n, i) { chunks[n] = loaded[i]; });
        return rank(m, chunks, query);
      });
    }).then(function (results) {
      if (mine !== asked) return; // a newer query was typed meanwhile
      current = { query: query, results: results, shown: 0 };
      list.textContent = "";
      if (more) more.hidden = true;
      if (!words(query).length) { status.textContent = ""; return; }
      status.textContent = results.length ? d.count.replace("{n}", results.length) : d.none;
      return showMore(query);
    }).catch(function () { status.textContent = d.none; });
  }

  var timer = null;
  input.addEventListener("focus", manifest, { once: true });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      show(input.value);
      var url = new URL(location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
    }, 120);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); show(input.value); });
  if (more) more.addEventListener("click", function () { showMore(current.query); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
})(typeof window !== "undefined" ? window : globalThis);
