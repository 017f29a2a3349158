// The language switch keeps the reader's place (_ext/bilingual.py).
// On a chapter page the link to the mirror page carries the place of the
// section at the top of the window, #section-2-1 (_ext/sectionids.py gives
// every section that id, the same in both languages); it follows the reader
// as they scroll. On the search page it carries the query. Without
// JavaScript the link still leads to the mirror page, at its top.
"use strict";
(() => {
  const PLACE = /^section-\d+(-\d+)*$/;

  // The place of the last section that starts above the reading line: a
  // quarter of the way down the part of the window below the sticky header.
  const currentPlace = (anchors) => {
    if (window.scrollY < 1) return "";  // at the very top: the top of the other page
    const header = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const line = header + (window.innerHeight - header) / 4;
    let place = "";
    for (const anchor of anchors) {
      const heading = anchor.nextElementSibling || anchor;
      if (heading.getBoundingClientRect().top > line) break;
      place = anchor.id;
    }
    return place;
  };

  document.addEventListener("DOMContentLoaded", () => {
    const links = [...document.querySelectorAll(".language-switch a[data-keep]")];
    for (const link of links.filter((a) => a.dataset.keep === "query")) {
      link.search = window.location.search;
    }
    const sectionLinks = links.filter((a) => a.dataset.keep === "section");
    if (!sectionLinks.length) return;
    // Each place id is an empty span at the start of its section, before the
    // heading (docutils writes a section's extra ids that way).
    const anchors = [...document.querySelectorAll(".bd-article span[id]")]
      .filter((span) => PLACE.test(span.id));
    const update = () => {
      const place = currentPlace(anchors);
      sectionLinks.forEach((link) => { link.hash = place ? `#${place}` : ""; });
    };
    let pending = false;
    window.addEventListener("scroll", () => {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(() => { pending = false; update(); });
    }, { passive: true });
    window.addEventListener("hashchange", update);
    window.addEventListener("load", update);
    // Right before the link is followed, whatever the scroll events did.
    sectionLinks.forEach((link) => ["pointerdown", "focus", "click"]
      .forEach((event) => link.addEventListener(event, update)));
    update();
  });
})();
