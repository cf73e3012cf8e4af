// lantoa practice quiz: checks the answers in the browser, offline, without any server.
// The questions come from the primers (JSON in #quiz-data); nothing is shown before answering.
(function () {
  "use strict";
  var form = document.getElementById("quiz");
  var dataEl = document.getElementById("quiz-data");
  if (!form || !dataEl) return;
  var items = JSON.parse(dataEl.textContent || "[]");
  var score = document.getElementById("quiz-score");
  var t = form.dataset;

  function feedbackFor(index) {
    return form.querySelectorAll(".quiz-item")[index].querySelector(".quiz-feedback");
  }

  function show(index) {
    var item = items[index];
    var chosen = form.querySelector('input[name="q' + (index + 1) + '"]:checked');
    var box = feedbackFor(index);
    if (!chosen) { box.hidden = true; return null; }
    var right = Number(chosen.value) === item.answer;
    box.textContent = "";
    var verdict = document.createElement("strong");
    verdict.textContent = right ? t.correct : t.wrong + " " + item.choices[item.answer] + ".";
    box.appendChild(verdict);
    if (item.explain) box.appendChild(document.createTextNode(" " + item.explain + " "));
    var link = document.createElement("a");
    link.href = t.root + item.primer_path;
    link.textContent = t.read + " " + item.primer_title;
    box.appendChild(link);
    box.className = "quiz-feedback " + (right ? "is-right" : "is-wrong");
    box.hidden = false;
    return right;
  }

  // A few questions at a time, with the progress: a phone shows one short group, not 26
  // questions on one long page. Submitting shows every question with its feedback.
  var GROUP = 5;
  var lis = form.querySelectorAll(".quiz-item");
  var pager = form.querySelector(".quiz-pager");
  var steps = form.querySelector(".quiz-steps");
  var progress = form.querySelector(".quiz-progress");
  var bar = form.querySelector(".quiz-bar");
  var prev = form.querySelector(".quiz-prev");
  var next = form.querySelector(".quiz-next");
  var group = 0;
  var paged = lis.length > GROUP && pager && steps && progress && prev && next;

  function answered() {
    return form.querySelectorAll('input[type="radio"]:checked').length;
  }
  function render() {
    if (!paged) return;
    var from = group * GROUP, to = Math.min(from + GROUP, lis.length);
    for (var i = 0; i < lis.length; i++) lis[i].hidden = i < from || i >= to;
    progress.textContent = t.progress.replace("{from}", from + 1).replace("{to}", to).replace("{total}", lis.length) +
      " · " + t.answered.replace("{n}", answered());
    if (bar) bar.value = answered();
    prev.disabled = group === 0;
    next.disabled = to >= lis.length;
  }
  function go(delta) {
    group = Math.max(0, Math.min(Math.ceil(lis.length / GROUP) - 1, group + delta));
    render();
    progress.focus();
  }
  function showAll() {
    for (var i = 0; i < lis.length; i++) lis[i].hidden = false;
    if (pager) pager.hidden = true;
    if (steps) steps.hidden = true;
  }
  if (paged) {
    pager.hidden = false;
    steps.hidden = false;
    form.classList.add("is-paged");
    prev.addEventListener("click", function () { go(-1); });
    next.addEventListener("click", function () { go(1); });
    render();
  }

  form.addEventListener("change", function (e) {
    var name = e.target && e.target.name;
    if (name && name.charAt(0) === "q") show(Number(name.slice(1)) - 1);
    render();
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var right = 0;
    for (var i = 0; i < items.length; i++) if (show(i) === true) right++;
    showAll();
    score.textContent = t.score.replace("{right}", right).replace("{total}", items.length);
    score.focus && score.setAttribute("tabindex", "-1");
    score.focus();
  });
  form.addEventListener("reset", function () {
    form.querySelectorAll(".quiz-feedback").forEach(function (b) { b.hidden = true; });
    score.textContent = "";
    if (paged) {
      pager.hidden = false;
      steps.hidden = false;
      group = 0;
      // the form's fields are cleared after this event: count the answers then
      setTimeout(render, 0);
    }
  });
})();
