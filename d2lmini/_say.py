"""Lines that d2lmini prints, each in one write.

``print(text)`` writes ``text`` and then ``"\\n"``: two writes. A Jupyter
kernel sends what is written in batches, and when a batch closes between the
two, the notebook gets two outputs, the line and a lone newline, which a built
page showed as an empty output box. One write per line cannot be split.
"""

from __future__ import annotations

import sys


def say(line: str) -> None:
    """Print ``line`` and its newline in a single write to standard output.

    >>> say("loss: 0.243")
    loss: 0.243
    """
    sys.stdout.write(f"{line}\n")
