"""Run the PyTorch cells of d2l's optimization sections with d2lmini.

usage: python bench/run_d2l_sections.py SOURCES_DIR [section ...] [--langs en,zh]

SOURCES_DIR holds en/<section>.md and zh/<section>.md, copies of
chapter_optimization/<section>.md from d2l-ai/d2l-en and d2l-ai/d2l-zh (d2l's
code and prose: not part of this repository; a folder with only their code
cells, fences kept, works as well). A cell runs if its first line is `#@tab`
naming pytorch or all (untagged cells are MXNet's); in sources written in
the newer `%%tab` style, untagged cells are every framework's and a cell
runs unless it is tagged for another framework. The only change is
`from d2l import torch as d2l` -> `import d2lmini as d2l` (and
`%matplotlib inline` is dropped: figures go to the Agg backend). Each section
runs in a fresh interpreter, its cells in order in one namespace, as in a
notebook. Prints, per cell, pass or the error, its time, the figures it
made and its last printed lines; then the totals. Set D2LMINI_DATA_DIR on a
machine without internet.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

SECTIONS = ["sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam", "minibatch-sgd"]
CELL = re.compile(r"```\{\.python \.input[^}]*\}\n(.*?)```", re.S)

# The child interpreter: runs the cells it reads from stdin, prints JSON results.
CHILD = r'''
import contextlib, io, json, sys, time, traceback
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
cells = json.load(sys.stdin)
ns = {"__name__": "__main__"}
results = []
for code in cells:
    out = io.StringIO()
    t = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "<cell>", "exec"), ns)
        ok, err = True, ""
    except BaseException as e:
        ok, err = False, "".join(traceback.format_exception_only(type(e), e)).strip()
    figs = len(plt.get_fignums())
    plt.close("all")
    results.append({"ok": ok, "out": out.getvalue(), "err": err, "figs": figs,
                    "s": round(time.perf_counter() - t, 2)})
print(json.dumps(results))
'''


def cells_of(path: Path) -> Iterator[str]:
    bodies = CELL.findall(path.read_text(encoding="utf-8"))
    newer = any(b.startswith("%%tab") for b in bodies)  # d2l-en's newer style
    for body in bodies:
        first = body.split("\n", 1)[0].strip()
        tag = "#@tab" if first.startswith("#@tab") else "%%tab" if first.startswith("%%tab") else ""
        if tag:
            tabs = {t.strip() for t in first[len(tag):].split(",")}
            if not tabs & {"pytorch", "all"}:
                continue
            body = body.split("\n", 1)[1] if tag == "%%tab" else body
        elif not newer:
            continue  # untagged cells of the #@tab style are MXNet's
        code = body.replace("from d2l import torch as d2l", "import d2lmini as d2l")
        yield "\n".join(l for l in code.split("\n") if not l.startswith("%matplotlib"))


def main() -> None:
    args = sys.argv[1:]
    langs = ["en", "zh"]
    if "--langs" in args:
        i = args.index("--langs")
        langs, args = args[i + 1].split(","), args[:i] + args[i + 2:]
    src, wanted = Path(args[0]), args[1:] or SECTIONS
    total = [0, 0]
    for lang in langs:
        for sec in wanted:
            path = src / lang / f"{sec}.md"
            if not path.exists():
                print(f"== {lang}/{sec}: no source at {path}")
                continue
            cells = list(cells_of(path))
            r = subprocess.run([sys.executable, "-c", CHILD], input=json.dumps(cells),
                               capture_output=True, text=True, env=os.environ)
            try:
                res = json.loads(r.stdout.strip().splitlines()[-1])
            except (IndexError, ValueError):
                print(f"== {lang}/{sec}: the interpreter crashed\n{r.stderr[-2000:]}")
                continue
            passed = sum(x["ok"] for x in res)
            total[0] += passed
            total[1] += len(res)
            print(f"== {lang}/{sec}: {passed}/{len(res)} cells pass")
            for i, x in enumerate(res, 1):
                lines = [l for l in x["out"].splitlines() if l.strip()]
                show = " | ".join(lines[-3:])
                status = "ok  " if x["ok"] else "FAIL"
                print(f"  [{i:2}] {status} {x['s']:6.2f}s figs={x['figs']} {show[:150]}"
                      + ("" if x["ok"] else f"\n       {x['err'][:300]}"))
    print(f"TOTAL {total[0]}/{total[1]} cells pass")


if __name__ == "__main__":
    main()
