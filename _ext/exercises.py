"""Exercises numbered page by page, and solution titles that read as Chinese.

Without a numbered table of contents, Sphinx numbers the exercises of the
whole book in one sequence, so Summary's first exercise was "Exercise 5" (the
noisy-gradients page has four) while its prose and slides call it Exercise
1. Here each page's exercises are numbered from 1, in page order, which is
how the pages and their decks count them. And sphinx-exercise titles a
solution "Solution to Exercise 1", word for word "解答 练习 1" in Chinese,
where Chinese says "练习 1 的解答".
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from bilingual import page_language  # the build's language, 'en' or 'zh'


def number_per_page(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Renumber each page's exercises 1, 2, ... after Sphinx numbered them."""
    for fignumbers in env.toc_fignumbers.values():
        numbers = fignumbers.get("exercise")
        if numbers:
            order = sorted(numbers, key=numbers.__getitem__)
            fignumbers["exercise"] = {node_id: (k,) for k, node_id in enumerate(order, 1)}
    return []


class SolutionTitles(SphinxPostTransform):
    """Solution to< Exercise 1> -> Solution to <Exercise 1>; in Chinese 练习 1 的解答.

    The link (<...>) is the exercise's title without the space sphinx-exercise
    put in it; in Chinese the exercise comes first.
    """

    default_priority = 25  # after sphinx-exercise has built the titles (21, 22)

    def run(self, **kwargs: Any) -> None:
        from sphinx_exercise.nodes import solution_node

        chinese = page_language(self.app) == "zh"
        for solution in self.document.findall(solution_node):
            title = solution.children[0]
            if (len(title.children) >= 2 and isinstance(title.children[0], nodes.Text)
                    and isinstance(title.children[1], nodes.reference)):
                word, link = title.children[0].astext().strip(), title.children[1]
                link.children = [nodes.Text(link.astext().strip())]
                title.children = ([link, nodes.Text(f" 的{word}")] if chinese
                                  else [nodes.Text(f"{word} "), link]) + title.children[2:]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-get-updated", number_per_page, priority=900)  # after Sphinx's own
    app.add_post_transform(SolutionTitles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
