// Layout checks that axe and Lighthouse do not make: what a reader on a phone sees.
//
// `layoutProblems(page)` measures the open page in the browser and returns a list of
// { check, text } problems, one per defect, where `check` is one of CHECKS:
//
//   clipped    text cut by its box: an ancestor with `overflow: hidden | clip` (or a fixed
//              height with visible overflow) ends before the text does
//   offscreen  text or an image past the left or right edge of the screen, with no scroll
//              container that a keyboard and a screen reader can find (a horizontally
//              scrolling box is accepted only when it has tabindex="0" and a name:
//              aria-label or aria-labelledby — the WCAG technique for scrollable regions)
//   covered    a fixed or sticky element on top of text, an image or a control, at several
//              scroll positions (checked with elementFromPoint: the fixed element wins)
//   target     a tap target smaller than 24 × 24 CSS px (WCAG 2.2, 2.5.8), with the
//              exceptions of the criterion: links inside a sentence, and small targets whose
//              24 px circle touches no other target
//   heading    the first heading of <main> not wholly inside the first screen
//
// `CONTROL_PAGE` is a small page with one instance of each defect: the self-test opens it
// and asserts that every check reports its defect there (a check that cannot fail is no
// check). This file only measures; tests/browser/run.mjs registers the tests.

export const CHECKS = ["clipped", "offscreen", "covered", "target", "heading"];

/** Fractions of the scrollable height at which the `covered` check looks. */
const SCROLL_STOPS = [0, 0.25, 0.5, 0.75, 1];

/**
 * The layout problems of `page` at its current viewport size: [{ check, text }].
 * Scrolls the page (back to the top at the end).
 */
export async function layoutProblems(page) {
  return page.evaluate(measureInPage, { stops: SCROLL_STOPS });
}

/** Runs inside the page (serialised by playwright): every helper is nested. */
function measureInPage({ stops }) {
  const MIN_TARGET = 24;
  const EPS = 1.5;
  const problems = [];
  // `marks`: the data-defect words of the element's marked ancestor (the control page's answer key)
  const report = (check, el, what) => problems.push({
    check, text: `${describe(el)}: ${what}`, marks: (el.closest?.("[data-defect]")?.dataset.defect ?? "").split(" ").filter(Boolean),
  });

  function describe(el) {
    if (!el || el.nodeType !== 1) return "?";
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    if (el.classList.length) name += "." + [...el.classList].join(".");
    const parent = el.parentElement && el.parentElement !== document.body ? el.parentElement : null;
    const pname = parent ? parent.tagName.toLowerCase() + (parent.classList.length ? "." + parent.classList[0] : "") + " > " : "";
    return pname + name;
  }
  const snippet = (s) => {
    const t = s.replace(/\s+/g, " ").trim();
    return t.length > 40 ? `"${t.slice(0, 37)}…"` : `"${t}"`;
  };
  const style = (el) => getComputedStyle(el);
  const isHiddenOnPurpose = (el) => {
    // not rendered: display none, visibility hidden, opacity 0, or in a closed <details>
    // (content-visibility: hidden keeps a layout box that nobody sees)
    if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return true;
    // visually-hidden text (1 px box, clipped) is for screen readers: not a layout defect
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const s = style(a);
      if (s.visibility === "hidden" || s.display === "none" || Number(s.opacity) === 0) return true;
      if ((s.position === "absolute" || s.position === "fixed") && (a.clientWidth <= 1 || a.clientHeight <= 1)) return true;
      if (s.clipPath && s.clipPath.startsWith("inset(50%")) return true;
      if (s.clip && s.clip.startsWith("rect(0")) return true;
    }
    return false;
  };
  const clips = (v) => v === "hidden" || v === "clip";
  const scrolls = (v) => v === "auto" || v === "scroll";
  const isBlock = (s) => !s.display.startsWith("inline") && s.display !== "contents";

  /** Every rendered piece of content: text line boxes, images, controls. */
  function contentPieces() {
    const pieces = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
    });
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TITLE"].includes(el.tagName)) continue;
      if (isHiddenOnPurpose(el)) continue;
      // one rectangle per word-ish chunk is too many; one per line box is enough
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width > 0.5 && r.height > 0.5) pieces.push({ el, rect: r, text: n.textContent, kind: "text" });
      }
    }
    for (const el of document.body.querySelectorAll("img, svg, video, iframe, input, select, textarea, button")) {
      if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
      if (el.tagName === "INPUT" && el.type === "hidden") continue;
      if (isHiddenOnPurpose(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0.5 && r.height > 0.5) pieces.push({ el, rect: r, text: el.getAttribute("alt") || el.tagName.toLowerCase(), kind: "box" });
    }
    return pieces;
  }

  // ------------------------------------------------------------ clipped and off-screen
  function clippedAndOffscreen(pieces) {
    const vw = document.documentElement.clientWidth;
    const seen = new Set();
    const once = (check, el, what) => {
      const key = check + "|" + describe(el);
      if (seen.has(key)) return;
      seen.add(key);
      report(check, el, what);
    };
    for (const { el, rect, text, kind } of pieces) {
      let inNamedScroller = false;
      let inScroller = false;
      // from the text's own element (a box with overflow: hidden clips its own text) outwards;
      // an image or a control is clipped by its ancestors only
      for (let a = kind === "text" ? el : el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
        const s = style(a);
        const box = a.getBoundingClientRect();
        const left = box.left + a.clientLeft;
        const top = box.top + a.clientTop;
        const right = left + a.clientWidth;
        const bottom = top + a.clientHeight;
        const outX = rect.left < left - EPS || rect.right > right + EPS;
        const outY = rect.top < top - EPS || rect.bottom > bottom + EPS;
        if ((clips(s.overflowX) && outX) || (clips(s.overflowY) && outY)) {
          once("clipped", el, `${snippet(text)} is cut by ${describe(a)} (overflow ${s.overflowX}/${s.overflowY})`);
          break;
        }
        if (scrolls(s.overflowX) && a.scrollWidth > a.clientWidth + 1) {
          inScroller = true;
          const named = a.tabIndex >= 0 && a.hasAttribute("tabindex") && (a.hasAttribute("aria-label") || a.hasAttribute("aria-labelledby"));
          if (named) inNamedScroller = true;
          else if (outX) {
            // cut by the box's edge ("Kết quả b") or wholly out of sight, with no cue
            const cut = (rect.left < left - EPS && rect.right > left + EPS) || (rect.left < right - EPS && rect.right > right + EPS);
            if (cut) once("clipped", el, `${snippet(text)} is cut by the edge of the sideways scrolling box ${describe(a)}`);
            else once("offscreen", el, `${snippet(text)} is hidden in a sideways scrolling box ${describe(a)} that has no tabindex="0" and name`);
          }
        }
      }
      // fixed height: the nearest block container of the text ends before the text
      const block = (() => {
        for (let a = el; a && a !== document.body; a = a.parentElement) if (isBlock(style(a))) return a;
        return null;
      })();
      if (block) {
        const s = style(block);
        // the line boxes (not the glyphs' ink) overflow the block: its height is too small
        const line = s.lineHeight === "normal" ? 1.2 * parseFloat(s.fontSize) : parseFloat(s.lineHeight);
        if (!clips(s.overflowY) && !scrolls(s.overflowY) && block.scrollHeight > block.clientHeight + line / 2 &&
            rect.bottom > block.getBoundingClientRect().bottom && s.display !== "table-cell") {
          once("clipped", el, `${snippet(text)} runs out of the bottom of ${describe(block)} (fixed height ${s.height}?)`);
        }
      }
      if (!inScroller && !inNamedScroller && (rect.right > vw + EPS || rect.left < -EPS)) {
        once("offscreen", el, `${snippet(text)} reaches past the screen (${Math.round(rect.left)}–${Math.round(rect.right)} px of ${vw})`);
      }
    }
  }

  // ------------------------------------------------------------ covered by fixed or sticky
  function covered() {
    const docH = document.documentElement.scrollHeight;
    const vh = window.innerHeight;
    const seen = new Set();
    for (const stop of stops) {
      window.scrollTo(0, Math.round((docH - vh) * stop));
      const overlays = [...document.body.querySelectorAll("*")].filter((el) => {
        const p = style(el).position;
        return (p === "fixed" || p === "sticky") && !isHiddenOnPurpose(el);
      });
      if (!overlays.length) continue;
      const pieces = contentPieces();
      for (const o of overlays) {
        const or = o.getBoundingClientRect();
        if (or.width < 1 || or.height < 1) continue;
        for (const { el, rect, text } of pieces) {
          if (o.contains(el) || el.contains(o)) continue;
          const x0 = Math.max(or.left, rect.left), x1 = Math.min(or.right, rect.right);
          const y0 = Math.max(or.top, rect.top), y1 = Math.min(or.bottom, rect.bottom);
          if (x1 - x0 < 2 || y1 - y0 < 2) continue;
          const x = (x0 + x1) / 2, y = (y0 + y1) / 2;
          if (x < 0 || y < 0 || x >= window.innerWidth || y >= vh) continue;
          const top = document.elementFromPoint(x, y);
          if (!top || !o.contains(top)) continue; // the content is above the overlay
          const key = describe(o) + "|" + describe(el);
          if (seen.has(key)) continue;
          seen.add(key);
          report("covered", el, `${snippet(text)} is under the ${style(o).position} ${describe(o)} at ${Math.round(stop * 100)}% scroll`);
        }
      }
    }
    window.scrollTo(0, 0);
  }

  // ------------------------------------------------------------ tap targets
  function targets() {
    const sel = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [tabindex]:not([tabindex='-1'])";
    const all = [];
    for (const el of document.body.querySelectorAll(sel)) {
      if (isHiddenOnPurpose(el)) continue;
      if (el.matches("main[tabindex='-1']")) continue;
      // an input inside a label: the label is the target
      const label = el.matches("input, select, textarea") ? el.closest("label") : null;
      const t = label || el;
      const r = t.getBoundingClientRect();
      if (r.width < 0.5 || r.height < 0.5) continue;
      // the skip link waits off-screen until focused
      if (r.bottom < 0 || r.right < 0) continue;
      if (all.some((x) => x.el === t)) continue;
      all.push({ el: t, rect: r, control: el });
    }
    const inSentence = (el) => {
      if (!style(el).display.startsWith("inline") || style(el).display === "inline-block" || style(el).display === "inline-flex") return false;
      // a link inside a block that also holds other words (not only separators)
      let block = el.parentElement;
      while (block && style(block).display.startsWith("inline")) block = block.parentElement;
      if (!block) return false;
      let other = "";
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.parentElement.closest("a, button")) other += n.textContent;
      }
      return /[\p{L}\p{N}]{2,}/u.test(other);
    };
    const small = all.filter(({ rect }) => rect.width < MIN_TARGET - 0.01 || rect.height < MIN_TARGET - 0.01);
    const circleHitsRect = (cx, cy, r, b) => {
      const dx = Math.max(b.left - cx, 0, cx - b.right);
      const dy = Math.max(b.top - cy, 0, cy - b.bottom);
      return dx * dx + dy * dy < r * r;
    };
    for (const t of small) {
      if (inSentence(t.el)) continue;
      const cx = (t.rect.left + t.rect.right) / 2, cy = (t.rect.top + t.rect.bottom) / 2;
      const R = MIN_TARGET / 2;
      const crowded = all.some((o) => {
        if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
        if (circleHitsRect(cx, cy, R, o.rect)) return true;
        if (small.includes(o)) {
          const ox = (o.rect.left + o.rect.right) / 2, oy = (o.rect.top + o.rect.bottom) / 2;
          return Math.hypot(ox - cx, oy - cy) < MIN_TARGET;
        }
        return false;
      });
      if (crowded) {
        report("target", t.el, `${snippet(t.el.textContent || t.el.getAttribute("aria-label") || "")} is ${Math.round(t.rect.width)}×${Math.round(t.rect.height)} px, under 24×24, and too close to another target`);
      }
    }
  }

  // ------------------------------------------------------------ first heading
  function heading() {
    const main = document.querySelector("main");
    if (!main) {
      problems.push({ check: "heading", text: "the page has no <main>", marks: [] });
      return;
    }
    const h = main.querySelector("h1, h2");
    if (!h) {
      report("heading", main, "no h1 or h2 in the main content");
      return;
    }
    const r = h.getBoundingClientRect();
    const vh = window.innerHeight;
    if (r.top < 0 || r.bottom > vh + EPS) {
      report("heading", h, `${snippet(h.textContent)} is at ${Math.round(r.top)}–${Math.round(r.bottom)} px, not within the first screen (${vh} px)`);
    }
  }

  window.scrollTo(0, 0);
  heading();
  clippedAndOffscreen(contentPieces());
  targets();
  covered();
  return problems;
}

/**
 * A page with one instance of each defect the checks look for (the self-test opens it at
 * 390 × 844). `data-defect` names the checks that must report the element or its content,
 * and no check may report anything else.
 */
export const CONTROL_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>layout control</title>
<style>
body { margin: 0; font: 16px/1.5 sans-serif; }
main { padding: 0 8px; }
.spacer { height: 1200px; }
.clip { width: 60px; overflow: hidden; white-space: nowrap; }
.short { height: 1.5em; margin-bottom: 4em; }
.wide { width: 3000px; }
.scroller { overflow-x: auto; }
.scroller div { display: flex; width: 2000px; }
.scroller span { flex: none; width: 1000px; }
.bar { position: fixed; left: 0; right: 0; top: 0; height: 60px; background: #b00; color: #fff; }
.tiny a { display: inline-block; width: 12px; height: 12px; font-size: 10px; line-height: 12px; }
</style></head>
<body>
<main>
<div class="spacer" data-defect="covered">a tall banner before the heading, under the fixed bar</div>
<h1 data-defect="heading">Heading below the first screen</h1>
<p class="clip" data-defect="clipped">A sentence much wider than its box</p>
<div class="short" data-defect="clipped">Line one<br>line two<br>line three</div>
<p class="wide" data-defect="offscreen">This paragraph is wider than any screen and has no scroll container around it: its end is off-screen</p>
<div class="scroller" data-defect="clipped offscreen"><div><span>The first cell of a sideways scrolling box without tabindex and a name, its words cut by the edge</span><span>the second cell, wholly out of sight</span></div></div>
<p class="tiny" data-defect="target"><a href="#a">a</a><a href="#b">b</a></p>
</main>
<div class="bar">Fixed bar</div>
</body></html>`;
