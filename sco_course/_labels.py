"""Label placement without overlaps, for the map and timeline figures (see :func:`place_labels`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


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
