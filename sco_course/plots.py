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

The recurring figures of the lessons (:func:`timeline`, :func:`capitals_map`,
:func:`org_chart`, ...) live in :mod:`sco_course.charts` and the label placement
in ``_labels.py``; both are re-exported here.

Matplotlib and ipywidgets are imported only when a figure is made.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ._labels import place_labels

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


# The recurring figures live in charts.py, which builds on the helpers above;
# they are looked up lazily so that either module can be imported first.
_CHARTS = frozenset(
    {"capitals_map", "org_chart", "participation_matrix", "stacked_area", "timeline"}
)


def __getattr__(name: str) -> Any:
    """``plots.timeline`` and the other figures of :mod:`sco_course.charts`."""
    if name in _CHARTS:
        from . import charts

        return getattr(charts, name)
    raise AttributeError(f"module 'sco_course.plots' has no attribute {name!r}")
