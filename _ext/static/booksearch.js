// The book's search in the browser, on top of Sphinx's searchtools.js
// (_ext/booksearch.py says why). Loaded before searchtools.js; it defines the
// query splitter Sphinx then uses, and adjusts Sphinx's Search object once
// the page is parsed, before Search.init runs the query.
"use strict";
(() => {
  const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";  // as in booksearch.py
  const HAN_RUNS = new RegExp(`[${HAN}]+`, "gu");
  const HAN_PARTS = new RegExp(`([${HAN}]+)`, "u");
  const isHan = (text) => new RegExp(`^[${HAN}]+$`, "u").test(text);
  // A run of Han characters as the index holds it: its adjacent pairs.
  const pairs = (run) => run.length < 2 ? [run]
    : Array.from({ length: run.length - 1 }, (_, i) => run.slice(i, i + 2));

  // Sphinx's splitter (searchtools.js), then each Han run cut into pairs.
  window.splitQuery = (query) => query
    .split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)
    .flatMap((token) => token.split(HAN_PARTS))
    .filter((part) => part)
    .flatMap((part) => (isHan(part) ? pairs(part) : [part]));

  // The index groups its Han terms by the pages they are on; put them back
  // into Sphinx's term tables, each character with the pages of its pairs.
  const expand = (index) => {
    for (const [table, groups] of Object.entries(index.hanterms || {})) {
      const terms = index[table];
      const single = new Map();
      for (const [key, words] of Object.entries(groups)) {
        const pages = key.split(",").map(Number);
        for (const word of words.split(" ")) {
          terms[word] = pages.length === 1 ? pages[0] : pages;
          for (const char of word) {
            if (!single.has(char)) single.set(char, new Set());
            pages.forEach((page) => single.get(char).add(page));
          }
        }
      }
      for (const [char, pages] of single) {
        const sorted = [...pages].sort((a, b) => a - b);
        terms[char] = sorted.length === 1 ? sorted[0] : sorted;
      }
    }
    delete index.hanterms;
    return index;
  };

  // Math as text for a snippet: MathML's text when the math was rendered
  // ahead of time, otherwise the TeX source made readable.
  const SYMBOLS = {
    alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ",
    eta: "η", theta: "θ", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π",
    rho: "ρ", sigma: "σ", tau: "τ", phi: "φ", varphi: "φ", chi: "χ", psi: "ψ", omega: "ω",
    Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ", Pi: "Π", Sigma: "Σ", Phi: "Φ", Omega: "Ω",
    le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠", neq: "≠", approx: "≈", sim: "∼",
    cdot: "·", times: "×", in: "∈", sum: "∑", prod: "∏", infty: "∞", partial: "∂",
    nabla: "∇", to: "→", rightarrow: "→", leftarrow: "←", pm: "±", mp: "∓", mid: "|",
    ldots: "…", dots: "…", cdots: "⋯", sqrt: "√", top: "⊤", star: "⋆", circ: "∘",
    min: "min", max: "max", log: "log", ln: "ln", exp: "exp", lim: "lim", det: "det",
    sin: "sin", cos: "cos", arg: "arg", quad: " ", qquad: " ",
  };
  // Sub- and superscripts as Unicode has them (vₜ₋₁, β²), else marked: g_t, t-1.
  const SUB = Object.fromEntries([..."0123456789+-=()aehijklmnoprstuvxβγρφχ"]
    .map((c, i) => [c, [..."₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ"][i]]));
  const SUP = Object.fromEntries([..."0123456789+-=()intkT⊤"]
    .map((c, i) => [c, [..."⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿᵗᵏᵀᵀ"][i]]));
  const script = (map, mark) => (_, braced, single) => {
    const chars = [...(braced ?? single).replace(/\s/g, "")];
    return chars.every((c) => c in map) ? chars.map((c) => map[c]).join("") : mark + chars.join("");
  };
  const texToText = (tex) => {
    let text = tex.replace(/\\[()[\]]|\$/g, " ");  // the delimiters, wherever they are
    const wrapped = /\\(?:math[a-z]+|boldsymbol|text[a-z]*|operatorname)\s*\{([^{}]*)\}/g;
    for (let before = ""; before !== text;) [before, text] = [text, text.replace(wrapped, "$1")];
    return text
      .replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, "($1)/($2)")
      .replace(/\\(?:begin|end)\s*\{[^{}]*\}/g, " ")
      .replace(/\\([A-Za-z]+)/g, (_, name) => SYMBOLS[name] ?? "")  // \left, \big...: nothing
      .replace(/\\\\|\\[,;:! ]|&/g, " ")
      .replace(/_(?:\{([^{}]*)\}|(\S))/g, script(SUB, "_"))
      .replace(/\^(?:\{([^{}]*)\}|(\S))/g, script(SUP, "^"))
      .replace(/[{}]/g, "")
      .replace(/\s+/g, " ")
      .trim();
  };
  const mathText = (math) => {
    const mathml = math.querySelector("mjx-assistive-mml, math");
    if (mathml) return mathml.textContent;
    return math.querySelector("mjx-container") ? "" : texToText(math.textContent);
  };

  // A result's text: the article only (not the header's buttons and menus,
  // nor the table of contents), math as text.
  const htmlToText = (html, anchor) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const main = doc.querySelector('[role="main"]') || doc.body;
    const article = main.querySelector(".bd-article") || main;
    article.querySelectorAll(".headerlink, script, style").forEach((el) => el.remove());
    article.querySelectorAll(".math, mjx-container").forEach((math) => {
      if (math.isConnected) math.replaceWith(mathText(math));
    });
    const block = anchor && doc.getElementById(anchor.slice(1));
    return (block && article.contains(block) ? block : article).textContent;
  };

  const adjust = () => {
    if (typeof Search === "undefined") return;  // a page without Sphinx's search
    if (Search._index) Search._index = expand(Search._index);
    const setIndex = Search.setIndex;
    Search.setIndex = (index) => setIndex(expand(index));
    Search.htmlToText = htmlToText;
    // Highlight the query's Han runs whole, not their pairs one by one.
    const parseQuery = Search._parseQuery;
    Search._parseQuery = (query) => {
      const parsed = parseQuery(query);
      const highlight = parsed[3];
      for (const run of query.match(HAN_RUNS) || []) {
        pairs(run).forEach((pair) => highlight.delete(pair));
        highlight.add(run);
      }
      localStorage.setItem("sphinx_highlight_terms", [...highlight].join(" "));
      return parsed;
    };
  };
  // Registered before searchtools.js registers Search.init, so it runs first.
  document.addEventListener("DOMContentLoaded", adjust);

  window.bookSearch = { pairs, texToText };  // for the tests
})();
