"""Figures for the lessons: one colour-blind-safe style, alt text, explorers.

Every figure goes through :func:`figure` and :func:`show`:

* :func:`figure` makes a Matplotlib figure in the course style (no pyplot
  global state, so nothing is displayed twice or left open);
* :func:`show` wraps it with a title and an **alt text** and displays it as
  an HTML ``<figure>`` whose ``<img>`` carries the alt text, with the alt
  text itself as the plain-text form (what screen readers, ``nbval`` and
  text renderers see).

Colour is never the only cue: the palette (Okabe & Ito 2008) comes with a
marker and a hatch per series, see :func:`style`.

:func:`explorer` builds the interactive figures: a row of ipywidgets
controls above an image that is re-drawn when a control changes. Outside a
live kernel it shows the figure for the default settings.

Matplotlib and ipywidgets are imported only when a figure is made.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "HATCHES",
    "MARKERS",
    "PALETTE",
    "Shown",
    "explorer",
    "figure",
    "place_labels",
    "show",
    "style",
]

#: Okabe-Ito colours (and grey), distinguishable with the common colour-vision deficiencies.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermilion
    "#000000",  # black
    "#7F7F7F",  # grey (Okabe-Ito yellow is left out: it vanishes on white, e.g. hollow markers)
)
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<")
HATCHES: tuple[str, ...] = ("", "//", "\\\\", "xx", "..", "++", "oo", "--")

#: Fixed styles for the members, so a country looks the same in every lesson.
COUNTRY_ORDER: tuple[str, ...] = (
    "China",
    "Russia",
    "Kazakhstan",
    "Kyrgyzstan",
    "Tajikistan",
    "Uzbekistan",
    "India",
    "Pakistan",
    "Iran",
    "Belarus",
)


def style(key: str | int, order: tuple[str, ...] = COUNTRY_ORDER) -> dict[str, str]:
    """Return ``{"color", "marker", "hatch"}`` for a series.

    ``key`` is a position or a name; names in ``order`` (by default the
    member states) always get the same style.
    """
    if isinstance(key, str):
        index = order.index(key) if key in order else sum(map(ord, key))
    else:
        index = int(key)
    n = len(PALETTE)
    return {
        "color": PALETTE[index % n],
        "marker": MARKERS[index % len(MARKERS)],
        "hatch": HATCHES[(index // n + index) % len(HATCHES)],
    }


_RC = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "svg.hashsalt": "sco-course",
}


def figure(
    nrows: int = 1, ncols: int = 1, *, width: float = 8.0, height: float = 4.5, **kwargs: Any
) -> tuple[Figure, Any]:
    """Return ``(fig, ax)`` (or an array of axes) in the course style.

    The figure is a plain :class:`matplotlib.figure.Figure`, not a pyplot
    figure: it appears only when passed to :func:`show`.
    """
    import matplotlib as mpl
    from cycler import cycler
    from matplotlib.figure import Figure

    with mpl.rc_context({**_RC, "axes.prop_cycle": cycler(color=PALETTE)}):
        fig = Figure(figsize=(width, height), layout="constrained")
        axes = fig.subplots(nrows, ncols, **kwargs)
    return fig, axes


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


class Shown:
    """A figure with a title and alt text, displayed as an accessible image."""

    def __init__(self, fig: Figure, alt: str, title: str = "") -> None:
        if not isinstance(alt, str) or not alt.strip():
            raise ValueError("every course figure needs an alt text describing what it shows")
        self.fig, self.alt, self.title = fig, alt.strip(), title
        self.png = _png(fig)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        data = base64.b64encode(self.png).decode("ascii")
        caption = f"<figcaption>{html.escape(self.title)}</figcaption>" if self.title else ""
        return {
            "text/html": (
                f'<figure style="margin:0"><img src="data:image/png;base64,{data}" '
                f'alt="{html.escape(self.alt, quote=True)}" style="max-width:100%">{caption}</figure>'
            ),
            "image/png": data,
            "text/plain": f"[Figure] {self.title + ': ' if self.title else ''}{self.alt}",
        }


def show(fig: Figure, alt: str, *, title: str | None = None) -> Shown:
    """Display ``fig`` with ``alt`` text (required) and return the shown figure.

    ``title`` defaults to the suptitle or the first axes title. Use it as the
    last expression of a cell, or call ``IPython.display.display`` on it.
    """
    if not hasattr(fig, "savefig"):
        hint = (
            " Pass ax.figure (or the fig from sco.plots.figure())."
            if hasattr(fig, "figure")
            else ""
        )
        raise TypeError(f"show() expects a matplotlib Figure, got {type(fig).__name__}.{hint}")
    if title is None:
        sup = fig._suptitle.get_text() if fig._suptitle is not None else ""
        titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
        title = sup or (titles[0] if titles else "")
    return Shown(fig, alt, title)


def label(ax: Axes, title: str, xlabel: str, ylabel: str) -> Axes:
    """Set the title and both axis labels at once (every course figure has all three)."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


class Explorer:
    """Controls above an image re-drawn by ``render(**values)``.

    ``render`` returns a :class:`Shown` (or a Figure plus the alt text via
    :func:`show`). The current image is in ``.image.value`` and its alt text
    in ``.alt.value``, so tests can drive an explorer without a browser.
    """

    def __init__(self, render: Callable[..., Shown], controls: Mapping[str, Any]) -> None:
        import ipywidgets as widgets

        self.render, self.controls = render, dict(controls)
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.alt = widgets.HTML()
        for control in self.controls.values():
            control.observe(lambda _change: self.update(), names="value")
        self.widget = widgets.VBox(
            [widgets.HBox(list(self.controls.values())), self.image, self.alt]
        )
        self.update()

    def values(self) -> dict[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    def update(self) -> None:
        shown = self.render(**self.values())
        self.current = shown
        self.image.value = shown.png
        self.alt.value = f"<p><em>{html.escape(shown.title)}.</em> {html.escape(shown.alt)}</p>"
        self.image.description = shown.alt

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = self.current._repr_mimebundle_()
        view = self.widget._repr_mimebundle_()
        if isinstance(view, tuple):  # (data, metadata) in some ipywidgets versions
            view = view[0]
        if view and "application/vnd.jupyter.widget-view+json" in view:
            bundle["application/vnd.jupyter.widget-view+json"] = view[
                "application/vnd.jupyter.widget-view+json"
            ]
        settings = ", ".join(f"{k} = {v!r}" for k, v in self.values().items())
        bundle["text/plain"] = f"[Interactive figure; shown for {settings}] " + bundle["text/plain"]
        return bundle


def explorer(render: Callable[..., Shown], **controls: Any) -> Explorer:
    """Return an interactive figure: ``controls`` are ipywidgets keyed by ``render``'s arguments.

    >>> import ipywidgets as w                                       # doctest: +SKIP
    >>> explorer(lambda year: member_map(year), year=w.IntSlider(2001, 2001, 2025))
    """
    return Explorer(render, controls)


#: Where :func:`place_labels` tries a label, in points from its point, with the alignment
#: that keeps the text on that side: upper right first, then the other corners and sides.
AROUND: tuple[tuple[float, float, str, str], ...] = (
    (6, 4, "left", "bottom"),
    (6, -4, "left", "top"),
    (-6, 4, "right", "bottom"),
    (-6, -4, "right", "top"),
    (0, 7, "center", "bottom"),
    (0, -7, "center", "top"),
    (7, 0, "left", "center"),
    (-7, 0, "right", "center"),
)
#: How far out :func:`place_labels` goes: each ring multiplies the offsets of ``AROUND``.
#: A label beyond the first ring gets a thin leader line to its point.
RINGS: tuple[float, ...] = (1.0, 2.2, 3.4, 4.6, 6.0)


def _renderer(fig: Figure) -> Any:
    """A renderer for measuring text in ``fig`` (an Agg canvas is attached if it has none)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)
    return canvas.get_renderer()


def _marker_boxes(ax: Axes, renderer: Any, pad: float) -> list[Any]:
    """Display-coordinate boxes around every marker drawn by ``ax.plot`` in ``ax``."""
    from matplotlib.transforms import Bbox

    boxes = []
    for line in ax.get_lines():
        if line.get_marker() in (None, "None", "none", "", " ") or not line.get_visible():
            continue
        half = renderer.points_to_pixels(line.get_markersize()) / 2 + pad
        try:
            xy = line.get_transform().transform(line.get_xydata())
        except (TypeError, ValueError):
            continue
        boxes += [Bbox([[x - half, y - half], [x + half, y + half]]) for x, y in xy]
    return boxes


def _overlap(a: Any, b: Any) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width * height if width > 0 and height > 0 else 0.0


def place_labels(
    ax: Axes,
    labels: list[Any],
    *,
    around: tuple[tuple[float, float, str, str], ...] = AROUND,
    rings: tuple[float, ...] = RINGS,
    renderer: Any = None,
    pad: float = 1.0,
) -> list[Any]:
    """Move each label so that it overlaps no other label, no marker and no legend.

    ``labels`` are annotations made with ``textcoords="offset points"`` (e.g.
    ``ax.annotate(text, (x, y), textcoords="offset points")``). They are
    placed greedily, in the given order (put the most important first): each
    goes to the first offset of ``around`` (scaled by each of ``rings`` in
    turn) whose text box, measured in display coordinates with ``pad``
    pixels to spare, lies inside the axes and overlaps neither the labels
    already placed nor any marker of ``ax`` nor its legend. A label that
    fits nowhere goes where it overlaps least. Labels moved beyond the first
    ring show their leader line (an ``arrowprops`` line, if they have one).
    The result is deterministic. Returns the display-coordinate box of each
    label, in the order of ``labels``.

    :func:`capitals_map` and :func:`timeline` call this each time the figure
    is drawn, so the labels stay apart when the layout changes the axes size.
    """
    from matplotlib.text import Text

    if not labels:
        return []
    renderer = renderer or _renderer(ax.figure)
    frame = ax.get_window_extent(renderer)
    obstacles = _marker_boxes(ax, renderer, pad)
    legend = ax.get_legend()
    if legend is not None and legend.get_visible():
        obstacles.append(legend.get_window_extent(renderer).padded(pad))
    placed: list[Any] = []
    for annotation in labels:
        best: tuple[float, int, Any, Any] | None = None
        options = [(k, spot) for k in rings for spot in around]
        for index, (k, (dx, dy, ha, va)) in enumerate(options):
            annotation.xyann = (dx * k, dy * k)
            annotation.set_horizontalalignment(ha)
            annotation.set_verticalalignment(va)
            annotation.update_positions(renderer)
            # the text alone (Annotation.get_window_extent would add the leader line)
            box = Text.get_window_extent(annotation, renderer).padded(pad)
            outside = max(0.0, box.width * box.height - _overlap(box, frame))
            cost = outside * 10 + sum(_overlap(box, other) for other in [*placed, *obstacles])
            if best is None or cost < best[0]:
                best = (cost, index, box, (k, dx, dy, ha, va))
            if cost == 0:
                break
        assert best is not None
        k, dx, dy, ha, va = best[3]
        annotation.xyann = (dx * k, dy * k)
        annotation.set_horizontalalignment(ha)
        annotation.set_verticalalignment(va)
        if annotation.arrow_patch is not None:
            annotation.arrow_patch.set_visible(k > rings[0])
        placed.append(best[2].padded(-pad))
    return placed


def _place_when_drawn(ax: Axes, labels: list[Any], **options: Any) -> Any:
    """Add an invisible artist to ``ax`` that runs :func:`place_labels` just before drawing.

    It is drawn after the layout has sized the axes and just before the labels
    (text has zorder 3), so the placement uses the final display coordinates.
    The boxes of the last placement are in its ``boxes`` attribute.
    """
    from matplotlib.artist import Artist

    class LabelPlacer(Artist):
        def __init__(self) -> None:
            super().__init__()
            self.set_in_layout(False)
            self.set_zorder(min(a.get_zorder() for a in labels) - 0.01)
            self.boxes: list[Any] = []

        def draw(self, renderer: Any) -> None:
            self.boxes = place_labels(ax, labels, renderer=renderer, **options)

    placer = LabelPlacer()
    ax.add_artist(placer)
    return placer


def _annotate_point(ax: Axes, text: str, xy: tuple[Any, Any], **kwargs: Any) -> Any:
    """A label for :func:`place_labels`: offset in points, with a hidden leader line."""
    return ax.annotate(
        text,
        xy,
        xytext=AROUND[0][:2],
        textcoords="offset points",
        arrowprops={
            "arrowstyle": "-",
            "color": "#555555",
            "linewidth": 0.6,
            "shrinkA": 0,
            "shrinkB": 3,
        },
        **kwargs,
    )


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
