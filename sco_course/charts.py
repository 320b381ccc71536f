"""The course's recurring figures: timeline, status areas, capitals map, organisation chart,
drill participation matrix.

Each draws on an Axes in the style of :mod:`sco_course.plots` (palette, markers, hatches) and
places labels with :func:`sco_course.plots.place_labels`. They are re-exported by
:mod:`sco_course.plots`, so lessons call them as ``plots.timeline(...)`` and so on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes

from ._labels import _annotate_point, _place_when_drawn
from .plots import COUNTRY_ORDER, figure, style


def participation_matrix(
    ax: Axes,
    participants: Any,
    *,
    rows: list[str] | tuple[str, ...],
    row_labels: list[str] | tuple[str, ...] | None = None,
    columns: list[str] | tuple[str, ...] | None = None,
    row_key: str = "drill_id",
    column_key: str = "country",
    certainty_key: str = "certainty",
    uncertain: str = "uncertain",
    row_notes: Mapping[str, str] | None = None,
    highlight: list[str] | tuple[str, ...] = (),
) -> Axes:
    """Draw a who-took-part-in-what matrix: one row per event, one column per country.

    ``participants`` is a DataFrame with one row per (event, country), e.g.
    ``sco.load_drill_participants()``. A confirmed participation is a filled
    marker in the country's :func:`style`; an uncertain one (``certainty_key``
    equal to ``uncertain``) is a hollow marker with a "?" beside it, so the two
    differ by shape and text, not by colour alone. ``rows`` fixes the order of
    the events (top to bottom) and ``row_labels`` their labels; ``columns``
    defaults to the member states in :data:`COUNTRY_ORDER` that occur, then any
    others. ``row_notes`` prints a short text at the right end of a row (for
    example ``"+ ?"`` for unknown partners) and ``highlight`` shades rows.
    Returns ``ax``; the caller sets the title with :func:`label` or ``ax.set_title``.
    """
    from matplotlib.lines import Line2D

    rows = list(rows)
    labels = list(row_labels) if row_labels is not None else rows
    if len(labels) != len(rows):
        raise ValueError("row_labels must have one label per row")
    data = participants[participants[row_key].isin(rows)]
    present = list(dict.fromkeys(str(c) for c in data[column_key]))
    if columns is None:
        columns = [c for c in COUNTRY_ORDER if c in present]
        columns += sorted(c for c in present if c not in columns)
    columns = list(columns)
    y_of = {r: i for i, r in enumerate(rows)}
    x_of = {c: j for j, c in enumerate(columns)}
    for i, r in enumerate(rows):
        if r in highlight:
            ax.axhspan(i - 0.5, i + 0.5, color="#F0E442", alpha=0.35, zorder=0)
    for record in data.itertuples(index=False):
        country, event = str(getattr(record, column_key)), getattr(record, row_key)
        if country not in x_of:
            continue
        x, y = x_of[country], y_of[event]
        look = style(country)
        unsure = str(getattr(record, certainty_key)) == uncertain
        ax.plot(
            x,
            y,
            linestyle="none",
            marker=look["marker"],
            markersize=9,
            markeredgecolor=look["color"],
            markeredgewidth=1.8,
            markerfacecolor="white" if unsure else look["color"],
            zorder=3,
        )
        if unsure:
            ax.annotate(
                "?",
                (x, y),
                xytext=(6, 2),
                textcoords="offset points",
                fontsize=10,
                fontweight="bold",
                color="#000000",
            )
    for event, text in (row_notes or {}).items():
        if event in y_of:
            ax.annotate(
                text,
                (len(columns) - 0.5, y_of[event]),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=9,
                style="italic",
            )
    ax.set_xticks(range(len(columns)), columns, rotation=45, ha="left")
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_yticks(range(len(rows)), labels)
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(True, alpha=0.25)
    ax.tick_params(length=0)
    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=8,
            color="#555555",
            label="took part (confirmed)",
        ),
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=8,
            markeredgecolor="#555555",
            markerfacecolor="white",
            markeredgewidth=1.8,
            label="uncertain (hollow, '?')",
        ),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 0.0), fontsize=9)
    return ax


#: Label offsets for :func:`timeline`: above or below the marker, text to the right or left.
TIMELINE_AROUND: tuple[tuple[float, float, str, str], ...] = (
    (2, 7, "left", "bottom"),
    (2, -7, "left", "top"),
    (-2, 7, "right", "bottom"),
    (-2, -7, "right", "top"),
)


def timeline(
    ax: Axes,
    events: Any,
    *,
    date: str = "date",
    group: str = "kind",
    order: list[str] | tuple[str, ...] | None = None,
    group_labels: Mapping[str, str] | None = None,
    label: str | None = None,
) -> Axes:
    """Draw events on a time axis, one horizontal lane per group (e.g. per ``kind``).

    ``events`` is a DataFrame with a datetime column ``date`` and a column
    ``group``. ``order`` fixes the lanes from top to bottom (default: the
    categories of ``group`` that occur, else the sorted values); lane *i* gets
    the colour and marker of :func:`style` ``(i)``, so lanes differ by shape as
    well as colour. ``group_labels`` renames lanes on the y axis. When
    ``label`` names a column, its non-empty cells are written beside their
    markers (keep those short and few). Returns ``ax``; set the title with
    :func:`label`.
    """
    column = events[group]
    present = [str(g) for g in dict.fromkeys(column.dropna().astype(str))]
    if order is None:
        categories = getattr(getattr(column, "cat", None), "categories", None)
        order = (
            [str(c) for c in categories if str(c) in present]
            if categories is not None
            else sorted(present)
        )
    lanes = list(order)
    names = dict(group_labels or {})
    texts: list[Any] = []
    for i, lane in enumerate(lanes):
        rows = events[column.astype(str) == lane]
        look = style(i)
        ax.plot(
            rows[date],
            [i] * len(rows),
            linestyle="none",
            marker=look["marker"],
            markersize=8,
            color=look["color"],
            markeredgecolor="#333333",
            markeredgewidth=0.6,
            alpha=0.9,
            zorder=3,
        )
        if label is not None:
            for when, text in zip(rows[date], rows[label], strict=True):
                if isinstance(text, str) and text.strip():
                    texts.append(_annotate_point(ax, text, (when, i), fontsize=8))
    ax.set_yticks(range(len(lanes)), [names.get(lane, lane) for lane in lanes])
    ax.set_ylim(len(lanes) - 0.4, -0.8)
    ax.grid(True, axis="x", alpha=0.3)
    ax.grid(False, axis="y")
    if texts:
        _place_when_drawn(ax, texts, around=TIMELINE_AROUND, rings=(1.0, 2.0, 3.0))
    return ax


def stacked_area(
    ax: Axes,
    table: Any,
    *,
    order: list[str] | tuple[str, ...] | None = None,
    labels: Mapping[str, str] | None = None,
    step: bool = True,
) -> Axes:
    """Stack the columns of ``table`` (index: x values such as years) as filled bands.

    Each band has the colour *and* the hatch of :func:`style` ``(i)`` for the
    *i*-th column in ``order`` (default: the table's column order), plus a
    legend entry, so the bands can be told apart in greyscale. ``step=True``
    draws steps (a status counted per year holds for the whole year).
    ``labels`` renames the legend entries. Returns ``ax``.
    """
    columns = list(order) if order is not None else [str(c) for c in table.columns]
    names = dict(labels or {})
    x = list(table.index)
    if step and x:
        x = [*x, x[-1] + (x[-1] - x[-2] if len(x) > 1 else 1)]
    base = [0.0] * len(x)
    for i, column in enumerate(columns):
        values = [float(v) for v in table[column].fillna(0)]
        if step:
            values = [*values, values[-1]] if values else values
        top = [b + v for b, v in zip(base, values, strict=True)]
        look = style(i)
        ax.fill_between(
            x,
            base,
            top,
            step="post" if step else None,
            facecolor=look["color"],
            edgecolor="#333333",
            hatch=look["hatch"] or None,
            linewidth=0.6,
            alpha=0.85,
            label=names.get(column, column),
        )
        base = top
    ax.set_xlim(x[0], x[-1])
    ax.set_ylim(0, max(base) * 1.08 if base and max(base) > 0 else 1)
    ax.legend(loc="upper left", fontsize=9)
    return ax


def capitals_map(
    ax: Axes,
    places: Any,
    *,
    group: str = "status",
    order: list[str] | tuple[str, ...] | None = None,
    group_labels: Mapping[str, str] | None = None,
    label: str | None = "country",
    lon: str = "lon",
    lat: str = "lat",
    extent: tuple[float, float, float, float] = (20.0, 125.0, 0.0, 60.0),
) -> Axes:
    """A map-like scatter of places (e.g. capitals) on longitude/latitude axes.

    ``places`` has the columns ``lon``, ``lat``, ``group`` and (optionally)
    ``label``, e.g. the member table merged with ``countries.csv``. Each group
    in ``order`` gets the colour and marker of :func:`style` ``(i)``, and
    every point is labelled, so nothing depends on colour. Labels are placed
    around their points so that none overlaps another label, a marker or the
    legend (see :func:`place_labels`; the first groups are placed first, and
    a label pushed away from a crowded spot gets a leader line). There is no base
    map (the course runs offline): the axes are degrees, with the aspect set
    for mid-latitudes. ``extent`` is ``(west, east, south, north)``; groups
    in ``order`` with no rows still appear in the legend. Returns ``ax``.
    """
    import math

    from matplotlib.lines import Line2D

    column = places[group].astype(str)
    groups = list(order) if order is not None else sorted(dict.fromkeys(column))
    names = dict(group_labels or {})
    handles = []
    texts: list[Any] = []
    for i, value in enumerate(groups):
        rows = places[column == value]
        look = style(i)
        ax.plot(
            rows[lon],
            rows[lat],
            linestyle="none",
            marker=look["marker"],
            markersize=9,
            color=look["color"],
            markeredgecolor="#333333",
            markeredgewidth=0.6,
            zorder=3,
        )
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=look["marker"],
                markersize=9,
                color=look["color"],
                markeredgecolor="#333333",
                label=f"{names.get(value, value)} ({len(rows)})",
            )
        )
        if label is not None:
            for x, y, text in zip(rows[lon], rows[lat], rows[label], strict=True):
                texts.append(_annotate_point(ax, str(text), (x, y), fontsize=8))
    west, east, south, north = extent
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    ax.legend(handles=handles, loc="lower left", fontsize=9)
    if texts:
        _place_when_drawn(ax, texts)
    return ax


def org_chart(
    bodies: Any,
    ax: Axes | None = None,
    *,
    id_key: str = "body_id",
    parent_key: str = "parent_id",
    label_key: str = "name",
    kind_key: str | None = "kind",
    sublabel_key: str | None = "seat",
    highlight: list[str] | tuple[str, ...] = (),
    wrap: int = 30,
) -> Axes:
    """Draw an organisation chart (a tree of labelled boxes) from a parent-id table.

    ``bodies`` has one row per body, e.g. ``sco.load_bodies()``: ``id_key``
    identifies it, ``parent_key`` names the body it sits under (empty for the
    top), ``label_key`` is the text in the box and ``sublabel_key`` (e.g. the
    seat) a second, italic line. The tree runs from left (top body) to right,
    one column per level, and children keep the table's row order. Each
    ``kind_key`` value gets its own box outline *and* hatch (and a legend
    entry), so kinds differ without colour. Bodies listed in ``highlight`` get
    a thick black frame and bold text. When ``ax`` is ``None`` a new course figure is made;
    the axes are returned (its figure is ``ax.figure``, ready for :func:`show`).
    """
    import textwrap

    from matplotlib.patches import FancyBboxPatch, Patch, Rectangle

    rows = {str(r[id_key]): r for r in bodies.to_dict("records")}
    order = list(rows)

    def parent_of(key: str) -> str | None:
        value = rows[key].get(parent_key)
        if value is None or (isinstance(value, float) and value != value):
            return None
        text = str(value)
        return text if text in rows and text not in {"", "<NA>", "nan"} else None

    children: dict[str | None, list[str]] = {}
    for key in order:
        children.setdefault(parent_of(key), []).append(key)
    roots = children.get(None, [])
    if not roots:
        raise ValueError("org_chart needs at least one body without a parent")

    depth: dict[str, int] = {}
    ypos: dict[str, float] = {}
    counter = [0]

    def place(key: str, level: int, seen: frozenset[str]) -> float:
        if key in seen:
            raise ValueError(f"org_chart: the parent chain of {key!r} loops")
        depth[key] = level
        kids = children.get(key, [])
        if not kids:
            ypos[key] = float(counter[0])
            counter[0] += 1
        else:
            ys = [place(k, level + 1, seen | {key}) for k in kids]
            ypos[key] = (min(ys) + max(ys)) / 2
        return ypos[key]

    for root in roots:
        place(root, 0, frozenset())

    if ax is None:
        n_levels = max(depth.values()) + 1
        _, ax = figure(width=max(8.0, 3.2 * n_levels), height=max(4.5, 0.8 * counter[0] + 1))
    kinds: list[str] = []
    if kind_key is not None:
        kinds = [str(k) for k in dict.fromkeys(str(rows[k].get(kind_key)) for k in order)]
    outlines = ("-", "--", ":", "-.")
    x_step, box_w, box_h, tab_w = 3.0, 2.7, 0.86, 0.16

    for key in order:
        parent = parent_of(key)
        if parent is not None and parent in depth:
            x0, y0 = depth[parent] * x_step + box_w / 2, ypos[parent]
            x1, y1 = depth[key] * x_step - box_w / 2, ypos[key]
            xm = (x0 + x1) / 2
            ax.plot([x0, xm, xm, x1], [y0, y0, y1, y1], color="#555555", linewidth=1, zorder=1)
    for key in order:
        row = rows[key]
        i = kinds.index(str(row.get(kind_key))) if kind_key is not None else 0
        look = style(i)
        x, y = depth[key] * x_step, ypos[key]
        strong = key in highlight
        ax.add_patch(
            FancyBboxPatch(
                (x - box_w / 2, y - box_h / 2),
                box_w,
                box_h,
                boxstyle="round,pad=0,rounding_size=0.08",
                facecolor="white",
                edgecolor="#000000" if strong else look["color"],
                linewidth=3.0 if strong else 1.6,
                linestyle="-" if strong else outlines[i % len(outlines)],
                zorder=2,
            )
        )
        ax.add_patch(
            Rectangle(
                (x - box_w / 2 + 0.05, y - box_h / 2 + 0.08),
                tab_w,
                box_h - 0.16,
                facecolor="white",
                edgecolor=look["color"],
                hatch=look["hatch"] or "..",
                linewidth=0.8,
                zorder=3,
            )
        )
        text = "\n".join(textwrap.wrap(str(row[label_key]), wrap))
        sub = row.get(sublabel_key) if sublabel_key else None
        if sub is not None and str(sub) not in {"", "<NA>", "nan"}:
            text += "\n" + "\n".join(textwrap.wrap(f"({sub})", wrap + 4))
        ax.text(
            x + tab_w / 2,
            y,
            text,
            ha="center",
            va="center",
            fontsize=7.5,
            zorder=4,
            fontweight="bold" if strong else "normal",
        )
    ax.set_xlim(-x_step / 2, max(depth.values()) * x_step + x_step / 2)
    ax.set_ylim(counter[0] - 0.45, -0.55)
    ax.axis("off")
    if kinds:
        handles = [
            Patch(
                facecolor="white",
                edgecolor=style(i)["color"],
                hatch=style(i)["hatch"] or "..",
                linestyle=outlines[i % len(outlines)],
                linewidth=1.6,
                label=kind.replace("_", " "),
            )
            for i, kind in enumerate(kinds)
        ]
        ax.legend(
            handles=handles, loc="lower left", fontsize=8, title="kind of body", title_fontsize=8
        )
    return ax
