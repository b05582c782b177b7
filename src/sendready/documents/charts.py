"""Charts as SVG (altair + vl-convert), served as images so the strict CSP holds; every chart a
page shows is followed by a table of the same numbers."""

from typing import Any

import altair as alt
import vl_convert as vlc


def line_svg(points: list[dict[str, Any]], title: str, unit: str) -> str:
    """A line chart of one figure over time; every chart sits above a table of the same numbers."""
    values = [
        {"date": p["date"].isoformat(), "value": p["value"]}
        for p in points
        if p["value"] is not None
    ]
    axis = {"percent": "Per cent", "weeks": "Weeks"}.get(unit, "Number")
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_line(
            point=alt.OverlayMarkDef(size=60, color="#1d70b8"), color="#1d70b8", strokeWidth=3
        )
        .encode(
            x=alt.X(
                "date:T",
                title="Figures as at",
                axis=alt.Axis(format="%d %b %Y", labelAngle=0, tickCount=max(len(values), 1)),
            ),
            y=alt.Y("value:Q", title=axis, scale=alt.Scale(zero=True)),
        )
        .properties(width=560, height=240, title=title)
        .configure_axis(
            labelFont="Arial",
            titleFont="Arial",
            labelFontSize=13,
            titleFontSize=14,
            labelColor="#0b0c0c",
            titleColor="#0b0c0c",
        )
        .configure_title(font="Arial", fontSize=16, color="#0b0c0c", anchor="start")
    )
    return vlc.vegalite_to_svg(chart.to_dict())


def bar_svg(bars: list[tuple[str, float]], title: str, axis_title: str = "Per cent") -> str:
    """A bar chart of labelled values (in order), e.g. the chance of an inspection in each term."""
    values = [{"label": label, "value": value, "order": i} for i, (label, value) in enumerate(bars)]
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_bar(color="#1d70b8")
        .encode(
            x=alt.X(
                "label:N", title=None, sort=alt.SortField("order"), axis=alt.Axis(labelAngle=0)
            ),
            y=alt.Y("value:Q", title=axis_title, scale=alt.Scale(domain=[0, 100])),
        )
        .properties(width=560, height=240, title=title)
        .configure_axis(
            labelFont="Arial",
            titleFont="Arial",
            labelFontSize=13,
            titleFontSize=14,
            labelColor="#0b0c0c",
            titleColor="#0b0c0c",
        )
        .configure_title(font="Arial", fontSize=16, color="#0b0c0c", anchor="start")
    )
    return vlc.vegalite_to_svg(chart.to_dict())


def answer_bars_svg(bars: list[tuple[str, float | None]], title: str) -> str:
    """Horizontal bars of the per cent choosing each answer (a survey question); an answer whose
    count is hidden to protect small numbers has no bar. The page's table gives every number."""
    values = [
        {"label": label, "value": value, "order": i}
        for i, (label, value) in enumerate(bars)
        if value is not None
    ]
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_bar(color="#1d70b8")
        .encode(
            y=alt.Y(
                "label:N", title=None, sort=alt.SortField("order"), axis=alt.Axis(labelLimit=320)
            ),
            x=alt.X("value:Q", title="Per cent", scale=alt.Scale(domain=[0, 100])),
        )
        .properties(width=360, height=max(40, 28 * max(len(values), 1)), title=title[:90])
        .configure_axis(
            labelFont="Arial",
            titleFont="Arial",
            labelFontSize=13,
            titleFontSize=14,
            labelColor="#0b0c0c",
            titleColor="#0b0c0c",
        )
        .configure_title(font="Arial", fontSize=16, color="#0b0c0c", anchor="start")
    )
    return vlc.vegalite_to_svg(chart.to_dict())
