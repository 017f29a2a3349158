// The header's ☰ (chapter list) and list (page contents) buttons.
//
// sphinx-book-theme 1.3.0 draws its own .primary-toggle and .secondary-toggle
// in the article header, but pydata-sphinx-theme 0.17.1, which it pins, binds
// the drawers to document.querySelector(".primary-toggle"): the first match, a
// navbar copy that the book theme hides. The visible buttons got no listener,
// so on phones and tablets the drawers never opened, and on the desktop the ☰
// did not collapse the sidebar (upstream pydata/pydata-sphinx-theme#2451, open).
//
// A click on a visible button is passed on to the bound copy, so the themes' own
// code runs: below 992 px it opens the drawer (a <dialog> that Escape or a tap
// outside closes), from 992 px on it collapses and restores the sidebar.
// Remove this file once the theme binds every toggle (tests/test_phone.py checks
// the drawers either way).
(function () {
  function forward(selector) {
    const [bound, ...visible] = document.querySelectorAll(selector);
    for (const button of visible)
      button.addEventListener("click", event => {
        event.preventDefault();
        event.stopPropagation();
        bound.click();
      });
  }
  function init() {
    forward(".primary-toggle");
    forward(".secondary-toggle");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
