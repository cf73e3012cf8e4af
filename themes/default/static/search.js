// lantoa search: runs in the browser, offline, without a server. The index (index.js beside
// the page) maps folded words to pages; queries are folded the same way (case, tone marks and
// their placement, other diacritics, đ → d), so "nguoi tot" finds "Người tốt".
(function () {
  "use strict";
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  window.lantoaFold = fold;
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var d = form.dataset;
  var loading = null;

  function loadIndex() {
    if (window.lantoaSearchIndex) return Promise.resolve(window.lantoaSearchIndex);
    if (loading) return loading;
    status.textContent = d.loading;
    loading = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = d.index;
      s.onload = function () { resolve(window.lantoaSearchIndex); };
      s.onerror = reject;
      document.head.appendChild(s);
    });
    return loading;
  }

  function words(s) {
    return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Every word must match (the last one as a prefix, so results come while typing).
  function search(index, query) {
    var terms = words(query);
    if (!terms.length) return [];
    var keys = Object.keys(index.terms);
    var total = null;
    terms.forEach(function (term, i) {
      var scores = {};
      var matching = i === terms.length - 1 ? keys.filter(function (k) { return k.indexOf(term) === 0; }) : (index.terms[term] ? [term] : []);
      matching.forEach(function (k) {
        // Postings are flat: [doc, score, doc, score, …].
        var p = index.terms[k], bonus = k === term ? 1 : 0.5;
        for (var j = 0; j < p.length; j += 2) scores[p[j]] = Math.max(scores[p[j]] || 0, p[j + 1] * bonus);
      });
      if (total === null) total = scores;
      else {
        var next = {};
        Object.keys(total).forEach(function (doc) { if (scores[doc]) next[doc] = total[doc] + scores[doc]; });
        total = next;
      }
    });
    return Object.keys(total || {}).map(function (doc) { return { doc: index.docs[doc], score: total[doc] }; })
      .sort(function (a, b) { return b.score - a.score || (a.doc.t < b.doc.t ? -1 : 1); });
  }

  // Text with the query's words marked, compared on folded forms (same length as the original
  // for Vietnamese, whose letters fold one to one).
  function highlight(el, text, terms) {
    var folded = fold(text);
    if (folded.length !== text.length) { el.textContent = text; return; }
    var re = new RegExp("(^|[^\\p{L}\\p{N}])(" + terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")", "gu");
    var last = 0, m;
    while ((m = re.exec(folded))) {
      var start = m.index + m[1].length, end = start + m[2].length;
      el.appendChild(document.createTextNode(text.slice(last, start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      el.appendChild(mark);
      last = end;
      if (re.lastIndex === m.index) re.lastIndex++;
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }

  function snippet(doc, terms) {
    var text = doc.s;
    var folded = fold(text);
    var at = -1;
    terms.forEach(function (t) { var i = folded.indexOf(t); if (i >= 0 && (at < 0 || i < at)) at = i; });
    if (at < 0) return text;
    var start = Math.max(0, at - 60);
    var cut = text.slice(start, start + 200);
    return (start > 0 ? "…" : "") + cut + (start + 200 < text.length ? "…" : "");
  }

  function show(query) {
    loadIndex().then(function (index) {
      var terms = words(query);
      var results = search(index, query);
      list.textContent = "";
      if (!terms.length) { status.textContent = ""; return; }
      status.textContent = results.length ? d.count.replace("{n}", results.length) : d.none;
      results.slice(0, 50).forEach(function (r) {
        var li = document.createElement("li");
        li.className = "search-result";
        var h = document.createElement("h2");
        var a = document.createElement("a");
        a.href = d.root + r.doc.u;
        highlight(a, r.doc.t, terms);
        h.appendChild(a);
        li.appendChild(h);
        if (r.doc.d || r.doc.k) {
          var meta = document.createElement("p");
          meta.className = "search-meta";
          meta.textContent = [r.doc.k, r.doc.d].filter(Boolean).join(" · ");
          li.appendChild(meta);
        }
        var p = document.createElement("p");
        highlight(p, snippet(r.doc, terms), terms);
        li.appendChild(p);
        list.appendChild(li);
      });
    }, function () { status.textContent = d.none; });
  }

  var timer = null;
  input.addEventListener("focus", loadIndex, { once: true });
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
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
})();
