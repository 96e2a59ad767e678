"""Page macros (mkdocs-macros module). Each is a thin wrapper around the
``kinderwerk`` package; the data and HTML logic live there.

Text from data/ is returned as plain text (``plain_markdown``): HTML or
Markdown syntax in a CSV or sidecar shows as characters, never as markup.

In a page:  {{ chart("samenwerkingspartners") }}   the whole chart block
            {{ pct("samenwerkingspartners", "basisscholen") }}   'ruim 90%'
            {{ num("respondenten", "kinderwerkers") }}           '228'
            {{ base() }}   '228 kinderwerkers uit 82 gemeenten'
"""
from __future__ import annotations

from kinderwerk import examples, registry
from kinderwerk.blocks import chart_block, details_block, download_links
from kinderwerk.dutch import format_number, sentence_case
from kinderwerk.sanitize import plain_markdown

DOWNLOADS = "downloads"


class MacroError(Exception):
    """A macro called with an unknown id: the message names page and id."""


def define_env(env):
    def page_path() -> str:
        try:
            return env.page.file.src_uri
        except AttributeError:
            return "?"

    def get(dataset_id: str, option_id: str | None = None):
        try:
            data = registry.dataset(dataset_id)
            if option_id is not None:
                data.option(option_id)
            return data
        except KeyError as exc:
            raise MacroError(f"docs/{page_path()}: {exc.args[0]}") from None

    def site_root() -> str:
        """Relative path from the current page to the site root."""
        url = env.page.url if env.page else ""
        depth = url.rstrip("/").count("/") + 1 if url.strip("/") else 0
        if url and not url.endswith("/"):
            depth -= 1  # a page like 'x.html' sits in its folder
        return "../" * depth

    def same_question(data):
        """The data set asking the same question (sidecar's same_question_as), if any."""
        other = data.meta.same_question_as
        return registry.dataset(other) if other else None

    def downloads(dataset_id: str, chart: bool) -> list[tuple[str, str]]:
        return download_links(f"{site_root()}{DOWNLOADS}/", dataset_id, chart)

    @env.macro
    def chart(dataset_id: str, level: int = 3) -> str:
        """Key finding, chart and table tabs, question, base, source, downloads."""
        data = get(dataset_id)
        if dataset_id not in registry.charts:
            raise MacroError(f"docs/{page_path()}: data set '{dataset_id}' heeft geen grafiek (chart: false)")
        return chart_block(data, registry.charts[dataset_id].svg, downloads(dataset_id, True), level,
                           cite_html=registry.citation_html(dataset_id),
                           same_question=same_question(data))

    @env.macro
    def details(dataset_id: str) -> str:
        """Table, question, base, source and downloads, without a chart."""
        data = get(dataset_id)
        return details_block(data, downloads(dataset_id, False), same_question(data))

    @env.macro
    def pct(dataset_id: str, option_id: str) -> str:
        """A figure for running text with its hedge: 'ruim 90%', 'ongeveer twee derde'.
        Running text never says 'ca.'; only chart labels and tables do (label())."""
        return plain_markdown(get(dataset_id, option_id).text(option_id))

    num = pct  # same formatting; reads better for counts ('228', '36.372')
    env.macro(num, "num")

    @env.macro
    def label(dataset_id: str, option_id: str) -> str:
        """A figure as on the chart: '> 90%', 'ca. 67%'."""
        return plain_markdown(get(dataset_id, option_id).label(option_id))

    @env.macro
    def wording(dataset_id: str, option_id: str) -> str:
        """The report's own words for a figure: 'meer dan 90 procent'."""
        return plain_markdown(get(dataset_id, option_id).option(option_id).wording)

    @env.macro
    def finding(dataset_id: str) -> str:
        """The key finding as a sentence: it starts with a capital."""
        return plain_markdown(sentence_case(get(dataset_id).finding()))

    @env.macro
    def base() -> str:
        data = get("respondenten")
        return f"{data.text('kinderwerkers')} kinderwerkers uit {data.text('gemeenten')} gemeenten"

    @env.macro
    def dataset_ids() -> list[str]:
        return list(registry.datasets)

    @env.macro
    def title(dataset_id: str) -> str:
        return plain_markdown(get(dataset_id).meta.title)

    @env.macro
    def has_chart(dataset_id: str) -> bool:
        return get(dataset_id).meta.chart

    @env.macro
    def number(value: float) -> str:
        """Dutch style for a bare number: 36372 -> '36.372'."""
        return format_number(value)

    @env.macro
    def examples_for(chapter: str) -> str:
        """The practice examples of a chapter, e.g. examples_for("werkzaamheden").
        Without this call scripts/adapters/hooks_examples.py appends the same block."""
        state = examples.state
        if state.collection is None:
            raise MacroError(f"docs/{page_path()}: examples_for() werkt alleen met scripts/adapters/hooks_examples.py")
        if chapter not in state.collection.vocab.hoofdstukken:
            known = ", ".join(state.collection.vocab.hoofdstukken)
            raise MacroError(f"docs/{page_path()}: onbekend hoofdstuk '{chapter}' (bekend: {known})")
        return examples.chapter_block_md(chapter, page_path(), state.collection, state.figure,
                                         state.chart_src)

    registry.macros[:] = [chart, details, pct, num, label, wording, finding, base,
                          dataset_ids, title, has_chart, number, examples_for]
