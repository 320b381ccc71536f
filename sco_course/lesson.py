"""Small text blocks the lessons display from the data: references, disagreements, glossary.

Each function returns a :class:`Markdown` object, which Jupyter renders as
Markdown and text renderers (nbval, plain-text viewers) show as the Markdown
source. Nothing is retyped: every line comes from a data file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["Markdown", "disagreements", "glossary", "objectives", "references"]


_LABELS = {
    "en": {
        "references": "References",
        "sources_disagree": "When sources disagree",
        "claim": "Claim",
        "verified": "Verified",
        "term": "Term",
        "definition": "Definition",
    },
    "id": {
        "references": "Daftar pustaka",
        "sources_disagree": "Ketika sumber-sumber berbeda pendapat",
        "claim": "Klaim",
        "verified": "Terverifikasi",
        "term": "Istilah",
        "definition": "Definisi",
    },
}


def t(key: str) -> str:
    """The label ``key`` in the current course language."""
    from .i18n import get_language

    labels = _LABELS.get(get_language(), _LABELS["en"])
    return labels[key]


class Markdown(str):
    """A string that Jupyter displays as Markdown."""

    def _repr_markdown_(self) -> str:
        return str(self)

    def __repr__(self) -> str:  # plain-text renderers show the Markdown source
        return str(self)


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = str(value)
    return "" if text in {"<NA>", "nan", "NaT"} else text.replace("|", "\\|").replace("\n", " ")


def _ids(ids: list[str]) -> str:
    return ", ".join(f"`{i}`" for i in ids)


def references(*source_ids: str) -> Markdown:
    """A numbered reference list for ``source_ids`` (all sources cited in a lesson)."""
    from .datasets import cite

    if not source_ids:
        raise ValueError("references() needs at least one source_id")
    ids = list(dict.fromkeys(source_ids))
    lines = [f"**{t('references')}**", ""]
    lines += [f"{i}. `{sid}`: {cite(sid)}" for i, sid in enumerate(ids, start=1)]
    return Markdown("\n".join(lines))


def disagreements(*ids: str, table: str | None = None, topic: str | None = None) -> Markdown:
    """A "When sources disagree" box from ``discrepancies.csv``.

    Select rows by ``discrepancy_id`` (``ids``), by the ``table`` they concern,
    or by a word in their ``topic``.
    """
    from .datasets import DataError, load

    frame = load("discrepancies")
    mask = frame["discrepancy_id"].isin(ids) if ids else frame["discrepancy_id"].notna()
    if table is not None:
        mask &= frame["table"].astype("string") == table
    if topic is not None:
        mask &= frame["topic"].str.contains(topic, case=False, na=False)
    rows = frame[mask]
    missing = sorted(set(ids) - set(rows["discrepancy_id"]), key=str)
    if missing:
        raise DataError(
            f"unknown discrepancy_id(s): {missing}.{_did_you_mean(missing, frame['discrepancy_id'])}",
            file="data/discrepancies.csv",
        )
    if rows.empty:
        raise DataError(
            f"no discrepancies match table={table!r}, topic={topic!r}",
            file="data/discrepancies.csv",
        )
    lines = [f"> **⚖ {t('sources_disagree')}**", ">"]
    for row in rows.itertuples(index=False):
        lines += [
            f"> **{_cell(row.topic)}**  ",
            f"> *{t('claim')}* ({_ids(row.claim_source_ids)}): {_cell(row.claim)}  ",
            f"> *{t('verified')}* ({_ids(row.verified_source_ids)}): {_cell(row.verified)}  ",
            f"> {_cell(row.explanation)}",
            ">",
        ]
    return Markdown("\n".join(lines[:-1]))


def _did_you_mean(unknown: Iterable[Any], known: Iterable[Any]) -> str:
    """`` Did you mean [...]?`` with the known values closest to ``unknown`` ("" if none)."""
    import difflib

    by_lower = {str(k).lower(): str(k) for k in known}
    close: list[str] = []
    for value in map(str, unknown):
        within = [k for k in by_lower if value.lower() in k][:3]
        for match in within or difflib.get_close_matches(value.lower(), by_lower, n=3, cutoff=0.75):
            if by_lower[match] not in close:
                close.append(by_lower[match])
    return f" Did you mean {close}?" if close else ""


def glossary(*terms: str) -> Markdown:
    """Glossary entries for ``terms`` (English terms), in the current language."""
    from .datasets import DataError, load
    from .i18n import get_language

    frame = load("glossary")
    lang = get_language()
    if terms:
        known = set(frame["term_en"])
        unknown = [term for term in terms if term not in known]
        if unknown:
            raise DataError(
                f"terms not in the glossary: {unknown}.{_did_you_mean(unknown, known)}",
                file="data/glossary.csv",
            )
        frame = frame.set_index("term_en").loc[list(terms)].reset_index()
    lines = [f"| {t('term')} | {t('definition')} |", "|---|---|"]
    for row in frame.itertuples(index=False):
        term = row.term_id if lang == "id" else row.term_en
        other = row.term_en if lang == "id" else row.term_id
        definition = row.definition_id if lang == "id" else row.definition_en
        lines.append(f"| **{_cell(term)}** (*{_cell(other)}*) | {_cell(definition)} |")
    return Markdown("\n".join(lines))


def objectives(items: Iterable[str]) -> Markdown:
    """A bulleted list of learning objectives (used by the instructor guide generator)."""
    return Markdown("\n".join(f"- {item}" for item in items))
