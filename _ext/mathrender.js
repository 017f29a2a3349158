// Typeset TeX to MathJax's CHTML at build time, for _ext/mathrender.py.
//
// Reads one JSON request on stdin, writes one JSON answer on stdout:
//   {"formulas": [{"tex": "...", "display": true}, ...],   // to typeset
//    "usage": [usage, ...],                                 // for the stylesheet
//    "fontURL": "woff-v2"}
//   -> {"results": [{"html": "...", "usage": usage} | {"error": "..."}],
//       "css": "..."}                                       // css only when usage was sent
// A usage is what one formula needs of the stylesheet (the wrapper kinds, the
// characters and stretchy delimiters it draws); the stylesheet for a whole
// book is made from the usages of its formulas, so formulas typeset by an
// earlier build (and cached) need not be typeset again to style them.
// Each formula carries its MathML for screen readers (MathJax's assistive
// MathML, visually hidden); the visual part is aria-hidden.
//
// The markup is made shorter, with the same rendering (Beyond the Heavy Ball
// has 524 formulas, 430 KB of markup, 326 KB so): attributes nothing reads
// are dropped (the MathML namespace, which an HTML parser implies; MathJax's
// own data-mjx-* notes; unselectable and display="inline", which the
// stylesheet covers; class="MathJax" jax="CHTML", CHTML being the only
// output here), and the 22,000 element and class names that MathJax starts
// with mjx- start with j- instead, in the markup and the stylesheet alike.
// Only mjx-container and mjx-assistive-mml keep their names, which the
// theme's stylesheet and the tests know.
"use strict";
const { mathjax } = require("mathjax-full/js/mathjax.js");
const { TeX } = require("mathjax-full/js/input/tex.js");
const { CHTML } = require("mathjax-full/js/output/chtml.js");
const { LiteAdaptor } = require("mathjax-full/js/adaptors/liteAdaptor.js");
const { RegisterHTMLHandler } = require("mathjax-full/js/handlers/html.js");
const { AssistiveMmlHandler } = require("mathjax-full/js/a11y/assistive-mml.js");
require("mathjax-full/js/input/tex/AllPackages.js");

// What tex-chtml.js loads in a browser, or autoloads on first use; not
// noundefined, which shows an unknown macro in red: here it is an error.
const PACKAGES = ["base", "ams", "newcommand", "configmacros", "boldsymbol",
  "braket", "cancel", "cases", "centernot", "color", "enclose", "extpfeil", "gensymb",
  "mathtools", "upgreek", "unicode", "html", "action", "bbox", "verb"];

// A DOM without a layout engine measures no text: text in no MathJax font
// (Chinese in \text{...}) is given the width a browser gives it, one em per
// CJK character, about half an em for others.
class Adaptor extends LiteAdaptor {
  nodeSize(node) {
    const text = this.textContent(node);
    const cjk = (text.match(/[\u2e80-\u9fff\uff00-\uffef]/gu) || []).length;
    return [cjk + 0.55 * ([...text].length - cjk), 1];
  }
}

const adaptor = new Adaptor();
AssistiveMmlHandler(RegisterHTMLHandler(adaptor));

function document(fontURL) {
  const tex = new TeX({ packages: PACKAGES, formatError: (jax, err) => { throw err; } });
  // ex/em = the font's own x-height: no font-size on every formula (the
  // stylesheet scales them all, _ext/static/math.css)
  const chtml = new CHTML({ fontURL, adaptiveCSS: true });
  return { doc: mathjax.document("", { InputJax: tex, OutputJax: chtml }), chtml };
}

function usageOf(chtml) {
  return { wrappers: [...chtml.wrapperUsage.used], chars: [...chtml.font.charUsage.used],
           delims: [...chtml.font.delimUsage.used] };
}

function clearUsage(chtml) {
  chtml.wrapperUsage.clear(); chtml.font.charUsage.clear(); chtml.font.delimUsage.clear();
}

function compact(text) {
  const unread = / xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"| unselectable="on"/g;
  return text.replace(unread, "").replace(/ display="inline"| data-mjx-[a-z]+="[^"]*"/g, "")
    .replace(/class=" /g, 'class="').replace(/ class="MathJax" jax="CHTML"|\[jax="CHTML"\]/g, "")
    .replace(/mjx-(?!container|assistive-mml)/g, "j-");
}

function typeset({ doc, chtml }, { tex, display }) {
  clearUsage(chtml);
  try {
    const node = doc.convert(tex, { display, em: 16, ex: 16 * chtml.font.params.x_height,
                                    containerWidth: 80 * 16 });
    adaptor.removeAttribute(node, "style");  // position: relative, set in the stylesheet
    return { html: compact(adaptor.outerHTML(node)), usage: usageOf(chtml) };
  } catch (err) {
    return { error: String(err.message || err) };
  }
}

function stylesheet({ doc, chtml }, usages) {
  clearUsage(chtml);
  for (const u of usages) {
    u.wrappers.forEach(k => chtml.wrapperUsage.add(JSON.parse(k)));
    u.chars.forEach(c => chtml.font.charUsage.add(JSON.parse(c)));
    u.delims.forEach(d => chtml.font.delimUsage.add(JSON.parse(d)));
  }
  chtml.chtmlStyles = null;
  return compact(adaptor.textContent(chtml.styleSheet(doc)));
}

let input = "";
process.stdin.on("data", chunk => { input += chunk; });
process.stdin.on("end", () => {
  const request = JSON.parse(input), jax = document(request.fontURL || "woff-v2");
  const answer = { results: (request.formulas || []).map(f => typeset(jax, f)) };
  if (request.usage) answer.css = stylesheet(jax, request.usage);
  process.stdout.write(JSON.stringify(answer));
});
