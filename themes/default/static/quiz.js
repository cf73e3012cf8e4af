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

  form.addEventListener("change", function (e) {
    var name = e.target && e.target.name;
    if (name && name.charAt(0) === "q") show(Number(name.slice(1)) - 1);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var right = 0;
    for (var i = 0; i < items.length; i++) if (show(i) === true) right++;
    score.textContent = t.score.replace("{right}", right).replace("{total}", items.length);
    score.focus && score.setAttribute("tabindex", "-1");
    score.focus();
  });
  form.addEventListener("reset", function () {
    form.querySelectorAll(".quiz-feedback").forEach(function (b) { b.hidden = true; });
    score.textContent = "";
  });
})();
