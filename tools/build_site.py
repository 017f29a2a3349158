"""Build the bilingual website into _build/html: a landing page, en/ and zh/.

    python tools/build_site.py      # what `make book` runs: strict, every page re-read

Each language is its own Sphinx build, so that each gets its own
``<html lang>``, interface strings and search index (Chinese words need the
Chinese splitter). Both come from the one ``_config.yml`` and ``_toc.yml``:
the Chinese table of contents is the English one with ``chapters/en/``
replaced by ``chapters/zh/``, so the two books cannot differ in structure.
The two builds run side by side (one per core), each with its own execution
cache, so a rebuild with nothing changed executes nothing.

Everything the site loads is served from the build. The book's math is
typeset during the build by Node.js with MathJax (_ext/mathrender.py); the
slides typeset theirs in the browser, with the MathJax that is staged here
from node_modules (installed from package.json by `make setup`).

The build survives the machines it meets: it says first what is missing
(npm's packages, Chromium) and how to get it; its kernels draw inline
whatever MPLBACKEND the caller exported; the execution caches are dropped
when the environment that drew them changed, and cleaned of what an
interrupted build left (tools/exec_cache.py); and the site, with the lecture
slides (tools/slides.py), is swapped in whole once everything is built
(tools/sync.py), so a stopped build never leaves a half-copied site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
import exec_cache  # noqa: E402
import package  # noqa: E402
from sync import copy_file, publish, sync_tree  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
SITE = BUILD / "html"
ASSETS = BUILD / "assets"  # what the slides load: MathJax (tools/slides.py)
CACHES = BUILD / ".jupyter_cache"
MATHJAX = ROOT / "node_modules" / "mathjax-full" / "es5"
REVEAL = ROOT / "node_modules" / "reveal.js"
# What the slides' MathJax, tex-chtml.js, loads: the TeX input and its
# extensions, the CHTML fonts, and the accessibility menu's components.
MATHJAX_PARTS = ["tex-chtml.js", "input", "output/chtml", "a11y", "ui", "sre", "adaptors"]

# What differs between the two books; everything else is _config.yml (the
# author too, for English). The interface's other words come from Sphinx's
# message catalogs (_ext/locale).
LANGUAGES = {
    "en": {"title": "Momentum", "language": "en", "toc_title": "Contents",
           "search_bar_text": "Search this book...",
           "togglebutton_hint": "Click to show", "togglebutton_hint_hide": "Click to hide"},
    "zh": {"title": "动量法", "author": "《动量法》编写组", "language": "zh_CN",
           "toc_title": "本页目录", "search_bar_text": "搜索本书……",
           "togglebutton_hint": "点击显示", "togglebutton_hint_hide": "点击隐藏"},
}


def missing_prerequisites() -> list[str]:
    """What the build needs beyond .venv, each with how to get it; [] if nothing."""
    from slides_pdf import CHROMIUM

    missing = []
    if not (MATHJAX.exists() and REVEAL.exists()):
        how = ("run `make setup` again" if shutil.which("npm") else
               "install Node.js with npm (Debian: `sudo apt-get install nodejs npm`; without "
               "root: a Node.js release from nodejs.org unpacked in your home, on your PATH), "
               "then run `make setup` again")
        missing.append(f"MathJax and reveal.js ({ROOT / 'node_modules'}) come from npm: {how}")
    if not Path(CHROMIUM).exists():
        missing.append(
            f"Chromium ({CHROMIUM}) prints the slides' PDF handouts and runs the browser "
            "tests: `sudo apt-get install chromium` on Debian; without root, set CHROMIUM to "
            "a Chromium or Chrome you have (`python -m playwright install chromium` puts one "
            "under ~/.cache/ms-playwright)")
    return missing


def kernel_environment() -> dict[str, str]:
    """The environment of the builds, and so of the kernels that run the pages.

    A kernel draws figures into the page only with the inline backend, which
    ipykernel chooses unless MPLBACKEND says otherwise: an exported
    ``MPLBACKEND=Agg`` (common on servers and in CI) would leave every figure
    out of the book, so the kernels do not inherit it.
    """
    return {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}


def stage_mathjax() -> None:
    """Copy the parts of MathJax the slides load into the slides' assets."""
    target = ASSETS / "mathjax"
    target.mkdir(parents=True, exist_ok=True)
    for part in MATHJAX_PARTS:
        source = MATHJAX / part
        if source.is_dir():
            sync_tree(source, target / part)
        else:
            copy_file(source, target / part)


def prepare_caches() -> None:
    """Trust the execution caches only for this environment, and only whole entries."""
    if exec_cache.invalidate_stale(CACHES, ROOT):
        print("the environment changed since the last build: every page runs again")
    for lang in LANGUAGES:
        if exec_cache.drop_broken_entries(CACHES / lang):
            print(f"dropped what an interrupted build left in the {lang} execution cache")


def derived_config(lang: str) -> tuple[Path, Path]:
    """Write the config and table of contents of one language's build."""
    folder = BUILD / lang
    folder.mkdir(parents=True, exist_ok=True)
    settings = LANGUAGES[lang]
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = settings["title"]
    config["author"] = settings.get("author", config["author"])
    config["execute"]["cache"] = str(CACHES / lang)
    # paths in a config are read relative to it, and this one lives in _build/
    extensions = config["sphinx"]["local_extensions"]
    config["sphinx"]["local_extensions"] = {k: str(ROOT / v) for k, v in extensions.items()}
    sphinx = config["sphinx"]["config"]
    sphinx["language"] = settings["language"]
    wheel = package.built()  # served beside the notebooks (_ext/bilingual.py)
    sphinx["d2lmini_wheel"] = str(wheel[0]) if wheel else ""
    for key in ("togglebutton_hint", "togglebutton_hint_hide"):  # sphinx-togglebutton's words
        sphinx[key] = settings[key]
    theme = sphinx.setdefault("html_theme_options", {})
    theme["toc_title"] = settings["toc_title"]
    theme["search_bar_text"] = settings["search_bar_text"]
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8").replace("chapters/en/",
                                                                  f"chapters/{lang}/")
    (folder / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True),
                                        encoding="utf-8")
    (folder / "_toc.yml").write_text(toc, encoding="utf-8")
    return folder / "_config.yml", folder / "_toc.yml"


def start_build(lang: str) -> subprocess.Popen:
    """Start the strict build of one language, its output going to a log file."""
    config, toc = derived_config(lang)
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT),
               "--config", str(config), "--toc", str(toc), "--path-output", str(BUILD / lang),
               "--all", "-W", "-n", "--keep-going"]
    with open(BUILD / lang / "build.log", "w", encoding="utf-8") as log:
        return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                env=kernel_environment())


def build_all() -> dict[str, Path]:
    """Build every language at once; print each log; stop if any failed."""
    running = {lang: start_build(lang) for lang in LANGUAGES}
    try:
        for process in running.values():
            process.wait()
    finally:  # interrupted: stop the other builds too
        for process in running.values():
            if process.poll() is None:
                process.kill()
    failed = []
    for lang, process in running.items():
        log = (BUILD / lang / "build.log").read_text(encoding="utf-8")
        print(f"===== the {lang} book =====\n{log}")
        if process.returncode != 0:
            failed.append(lang)
    if failed:
        sys.exit(f"the {' and '.join(failed)} build failed: see the warnings above")
    return {lang: BUILD / lang / "_build" / "html" for lang in LANGUAGES}


def main() -> None:
    missing = missing_prerequisites()
    if missing:
        sys.exit("The book cannot be built yet:\n- " + "\n- ".join(missing))
    prepare_caches()
    package.build()  # d2lmini's wheel and sdist, only if the package changed
    stage_mathjax()
    built = build_all()
    slides = subprocess.run([sys.executable, str(ROOT / "tools" / "slides.py")], cwd=ROOT)
    if slides.returncode != 0:
        sys.exit("the slides failed: see above (the site was left as it was)")
    publish(SITE, {**built, "slides": BUILD / "slides"},
            {"index.html": ROOT / "tools" / "landing.html"})
    print(f"The site is in {SITE.relative_to(ROOT)}/: open index.html")


if __name__ == "__main__":
    main()
