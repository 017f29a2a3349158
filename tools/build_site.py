"""Build the bilingual website into _build/html: a landing page, en/ and zh/.

    python tools/build_site.py      # what `make book` runs: strict, every page re-read

Each language is its own Sphinx build, so that each gets its own
``<html lang>``, interface strings and search index (Chinese words need the
Chinese splitter). Both come from the one ``_config.yml`` and ``_toc.yml``:
the Chinese table of contents is the English one with ``chapters/en/``
replaced by ``chapters/zh/``, so the two books cannot differ in structure.
The two builds run side by side (one per core), each with its own execution
cache, so a rebuild with nothing changed executes nothing.

Everything the site loads is served from the build: MathJax is copied from
node_modules (installed from package.json by `make setup`).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from sync import sync_tree  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
SITE = BUILD / "html"
ASSETS = BUILD / "assets"  # html_static_path of both builds
MATHJAX = ROOT / "node_modules" / "mathjax" / "es5"
# What MathJax's tex-chtml.js loads: the TeX input and its extensions, the
# CHTML fonts, and the accessibility menu's components.
MATHJAX_PARTS = ["tex-chtml.js", "input", "output/chtml", "a11y", "ui", "sre", "adaptors"]

# What differs between the two books; everything else is _config.yml.
LANGUAGES = {
    "en": {"title": "Momentum", "language": "en", "toc_title": "Contents"},
    "zh": {"title": "动量法", "language": "zh_CN", "toc_title": "本页目录"},
}


def stage_mathjax() -> None:
    """Copy the parts of MathJax the pages load into the static assets."""
    if not MATHJAX.exists():
        sys.exit(f"MathJax is missing ({MATHJAX}): run `make setup` (npm ci) first.")
    target = ASSETS / "mathjax"
    target.mkdir(parents=True, exist_ok=True)
    for part in MATHJAX_PARTS:
        source = MATHJAX / part
        if source.is_dir():
            sync_tree(source, target / part)
        else:
            shutil.copy2(source, target / part)


def invalidate_stale_caches() -> None:
    """Drop the execution caches when d2lmini changed since they were filled.

    The caches are keyed on each page's code alone, so outputs drawn by an
    older d2lmini (a figure, an explorer's embedded script) would survive a
    change to the package: its sources' fingerprint is kept beside them.
    """
    digest = hashlib.sha256()
    for path in sorted((ROOT / "d2lmini").glob("*.[pj][ys]")):
        digest.update(path.name.encode() + path.read_bytes())
    stamp = BUILD / ".jupyter_cache" / "d2lmini.sha256"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return
    shutil.rmtree(BUILD / ".jupyter_cache", ignore_errors=True)
    stamp.parent.mkdir(parents=True)
    stamp.write_text(digest.hexdigest())


def derived_config(lang: str) -> tuple[Path, Path]:
    """Write the config and table of contents of one language's build."""
    folder = BUILD / lang
    folder.mkdir(parents=True, exist_ok=True)
    settings = LANGUAGES[lang]
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = settings["title"]
    config["execute"]["cache"] = str(BUILD / ".jupyter_cache" / lang)
    # paths in a config are read relative to it, and this one lives in _build/
    extensions = config["sphinx"]["local_extensions"]
    config["sphinx"]["local_extensions"] = {k: str(ROOT / v) for k, v in extensions.items()}
    sphinx = config["sphinx"]["config"]
    sphinx["language"] = settings["language"]
    sphinx.setdefault("html_theme_options", {})["toc_title"] = settings["toc_title"]
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
        return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


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
    invalidate_stale_caches()
    stage_mathjax()
    built = build_all()
    for lang, html in built.items():  # the slides/ beside them are tools/slides.py's
        sync_tree(html, SITE / lang)
    shutil.copy2(ROOT / "tools" / "landing.html", SITE / "index.html")
    print(f"The site is in {SITE.relative_to(ROOT)}/: open index.html")


if __name__ == "__main__":
    main()
