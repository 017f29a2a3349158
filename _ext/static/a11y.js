// Code, output and display-math boxes that scroll take keyboard focus (tabindex=0),
// so that a keyboard reader can scroll them too (WCAG 2.1.1; axe:
// scrollable-region-focusable). pydata-sphinx-theme does this for code and output
// once at load and when nodes are added, which misses a box that becomes scrollable
// later (a solution opened, fonts or formulas laid out), and it never looks at the
// wide equations that scroll sideways on phones, now that formulas are no tab stops.
// A ResizeObserver checks each box whenever its size changes (being shown is one).
(() => {
  const BOXES = ["pre", ".cell_output > .output", ".pst-scrollable-table-container",
                 "div.math", 'mjx-container[display="true"]'].join(", ");
  const check = (box) => {
    const scrolls = box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
    if (scrolls) box.tabIndex = 0;
    else if (box.tabIndex === 0) box.tabIndex = -1;
  };
  const start = () => {
    const observer = new ResizeObserver((entries) => entries.forEach((e) => check(e.target)));
    const watch = () => document.querySelectorAll(BOXES).forEach((box) => observer.observe(box));
    watch();
    window.MathJax?.startup?.promise?.then(watch);  // formulas typeset in the browser
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
