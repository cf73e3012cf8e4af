// Album viewer: the arrow keys go to the previous and next photo (the links work without it).
document.addEventListener("keydown", function (e) {
  if (e.altKey || e.ctrlKey || e.metaKey || e.target.closest("input, textarea, select")) return;
  var rel = e.key === "ArrowLeft" ? "prev" : e.key === "ArrowRight" ? "next" : null;
  var link = rel && document.querySelector('.photo-nav a[rel="' + rel + '"]');
  if (link) window.location.href = link.href;
});
