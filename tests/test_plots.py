"""Tests for the figure helpers in ``sco_course.plots``."""

from __future__ import annotations

from itertools import combinations

import pandas as pd
import pytest

import sco_course as sco
from sco_course import charts, plots


def _overlap(a, b) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.y1, b.y1) > max(a.y0, b.y0)


def _map(year: int):
    """The lesson-01 map of the countries linked to the SCO at the end of ``year``."""
    capitals = sco.load_countries().set_index("name")[["lon", "lat"]]
    day = min(pd.Timestamp(f"{year}-12-31"), pd.Timestamp(sco.DATA_AS_OF))
    linked = sco.status_on(day).astype(str).join(capitals, on="country")
    fig, ax = plots.figure(width=9, height=5.2)
    plots.capitals_map(ax, linked, order=list(sco.load_members()["status"].cat.categories))
    plots.label(ax, f"Countries linked to the SCO at the end of {year}", "longitude", "latitude")
    return fig, ax


def test_style_gives_each_member_its_own_colour_and_marker() -> None:
    looks = [plots.style(country) for country in plots.COUNTRY_ORDER]
    assert len(looks) == 10
    assert len({(look["color"], look["marker"]) for look in looks}) == 10
    assert plots.style("China") == plots.style(0)  # a member looks the same everywhere


def test_show_requires_alt_text_and_reads_it_out() -> None:
    fig, ax = plots.figure()
    ax.plot([1, 2], [3, 4])
    ax.set_title("A line")
    for alt in ["", "   ", None]:
        with pytest.raises(ValueError, match="alt text"):
            plots.show(fig, alt=alt)  # type: ignore[arg-type]
    bundle = plots.show(fig, alt="A rising line.")._repr_mimebundle_()
    assert "A rising line." in bundle["text/plain"]
    assert "A line" in bundle["text/plain"]
    assert 'alt="A rising line."' in bundle["text/html"]
    with pytest.raises(TypeError, match="Figure"):
        plots.show(ax, alt="an axes is not a figure")  # type: ignore[arg-type]


def test_explorer_redraws_when_a_control_changes() -> None:
    widgets = pytest.importorskip("ipywidgets")

    def render(n: int) -> plots.Shown:
        fig, ax = plots.figure(width=3, height=2)
        ax.bar(range(n), [1] * n)
        return plots.show(fig, alt=f"{n} bars.")

    slider = widgets.IntSlider(value=2, min=1, max=5)
    view = plots.explorer(render, n=slider)
    before = view.image.value
    assert "2 bars." in view.alt.value
    slider.value = 4
    assert view.image.value != before
    assert "4 bars." in view.alt.value
    assert "n = 4" in view._repr_mimebundle_()["text/plain"]


@pytest.mark.parametrize("year", [2001, 2017, 2025])
def test_map_labels_do_not_overlap(year: int) -> None:
    fig, ax = _map(year)
    fig.draw_without_rendering()  # lays out the axes and places the labels
    labels = list(ax.texts)
    boxes = plots.place_labels(ax, labels)
    assert len(boxes) == len(labels) == len(sco.status_on(f"{min(year, 2025)}-12-31"))
    for a, b in combinations(boxes, 2):
        assert not _overlap(a, b)
    frame = ax.get_window_extent()
    assert all(frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1) for box in boxes)


def test_map_labels_stay_apart_in_the_saved_image() -> None:
    fig, ax = _map(2025)
    plots.show(fig, alt="Map.")  # renders the PNG, which places the labels
    placer = next(a for a in ax.get_children() if hasattr(a, "boxes"))
    assert len(placer.boxes) == len(ax.texts) > 20
    for a, b in combinations(placer.boxes, 2):
        assert not _overlap(a, b)


def test_timeline_labels_do_not_overlap() -> None:
    events = sco.load_events()
    events = events[events["date"] <= pd.Timestamp(sco.DATA_AS_OF)].copy()
    milestones = {
        "agr-2001-founding-declaration": "SCO founded",
        "agr-2002-charter": "Charter",
        "rats-launch-2004": "RATS opens",
        "andijan-2005": "Andijan",
        "iran-accession-2023": "Iran joins",
        "belarus-accession-2024": "Belarus",
    }
    events["milestone"] = events["event_id"].map(milestones)
    fig, ax = plots.figure(width=9, height=4.8)
    plots.timeline(ax, events, group="kind", label="milestone")
    fig.draw_without_rendering()
    boxes = plots.place_labels(ax, list(ax.texts), around=charts.TIMELINE_AROUND)
    assert len(boxes) == len(milestones)
    for a, b in combinations(boxes, 2):
        assert not _overlap(a, b)
