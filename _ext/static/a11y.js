// Code, output and display-math boxes that scroll take keyboard focus (tabindex=0),
// so that a keyboard reader can scroll them too (WCAG 2.1.1; axe:
// scrollable-region-focusable). pydata-sphinx-theme does this for code and output
// once at load and when nodes are added, which misses a box that becomes scrollable
// later (a solution opened, fonts or formulas laid out), and it never looks at the
// formulas that scroll sideways on phones (display equations, and inline ones longer
// than a line: _ext/static/math.css), now that formulas are no tab stops.
// A ResizeObserver checks each box whenever its size, or its content's, changes
// (being shown is one; a formula whose fonts arrive changes its content's width).
(() => {
  const BOXES = ["pre", ".cell_output > .output", ".pst-scrollable-table-container",
                 "div.math", "mjx-container"].join(", ");
  // A formula's glyphs overhang its box by a few pixels, which is nothing to scroll
  // to: like axe, a box scrolls down only when more than 13 px of it is hidden.
  const check = (box) => {
    const scrolls = box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight + 13;
    if (scrolls) box.tabIndex = 0;
    else box.removeAttribute("tabindex");  // not -1: a formula stays as it was made
  };
  const start = () => {
    const observer = new ResizeObserver((entries) => entries.forEach(
      (e) => check(e.target.matches(BOXES) ? e.target : e.target.parentElement)));
    const watch = () => document.querySelectorAll(BOXES).forEach((box) => {
      observer.observe(box);
      if (box.firstElementChild) observer.observe(box.firstElementChild);
    });
    watch();
    window.MathJax?.startup?.promise?.then(watch);  // formulas typeset in the browser
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
