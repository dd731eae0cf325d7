"""The wall screen's parts, in large type for a screen read from a few metres away."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import streamlit as st

from council.charts.feedback import net_score_line
from council.domain.feedback import Feedback
from council.i18n import _
from council.i18n import formats as fmt
from council.services import customer_voice
from council.services.wall import RECENT_MONTHS, WallBoard, quote
from council.services.workspace import Workspace
from council.ui.customer_voice import figure_text, trust_note
from council.ui.navigation import page_at
from council.ui.text import md

# Static styling only (no user text): no sidebar or toolbar, and type large enough for the corridor.
WALL_STYLE = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 1.2vw 2vw 0.5vw; }
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li { font-size: max(1rem, 1.35vw); line-height: 1.3; }
[data-testid="stMainBlockContainer"] h1 { font-size: max(1.6rem, 2.1vw); padding: 0 0 0.4vw; }
[data-testid="stMainBlockContainer"] h3 { font-size: max(1.3rem, 1.6vw); padding: 0.4vw 0 0.3vw; }
[data-testid="stMainBlockContainer"] [data-testid="stMetricValue"] p { font-size: max(4rem, 6.5vw); line-height: 1.1; font-weight: 600; }
[data-testid="stMainBlockContainer"] [data-testid="stMetricDelta"] p { font-size: max(1rem, 1.35vw); }
[data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"] p { font-size: max(0.9rem, 1.1vw); }
</style>
"""


def score(ws: Workspace, board: WallBoard) -> None:
    if board.scale is None:
        st.subheader(_("How customers feel"))
        st.markdown(_("No customer feedback imported yet."))
        return
    net = board.scale.net_name
    left, right = st.columns([1, 2.2], vertical_alignment="center")
    change = board.change
    steady = change is not None and round(change) == 0
    delta = None if change is None else _("no change") if steady else f"{change:+.0f}"
    value = figure_text(board.recent, decimals=0).replace("-", "\N{MINUS SIGN}")  # read from across the room
    left.metric(f"{net}, {_span(board.months[-RECENT_MONTHS:])}", value, delta=delta,
                delta_color="off" if steady else "normal", delta_arrow="off" if steady else "auto")  # fmt: skip
    note = trust_note(board.recent).capitalize()
    if change is not None:
        before = _span(board.months[-2 * RECENT_MONTHS : -RECENT_MONTHS])
        # Translators: {note} is e.g. "40 responses"; {months} e.g. "Jun to Aug".
        note = _("{note}; change against {months}").format(note=note, months=before)
    left.caption(note)
    frame = customer_voice.months_frame(board.months)
    right.markdown(_("{net} month by month :gray[(hollow: too few responses to trust)]").format(net=net))
    right.plotly_chart(
        net_score_line(frame, height=215, font_size=20),
        config={"staticPlot": True},
        theme=None,
        key="wall_trend",
    )


def voices(ws: Workspace, board: WallBoard) -> None:
    if board.scale is None:
        return
    praise, complaints = st.columns(2, gap="large")
    with praise:
        st.subheader(":green[:material/sentiment_very_satisfied:] " + _("What delights customers"))
        _quotes(ws, board.praise, _("No comments from enthusiastic customers lately."))
    with complaints:
        st.subheader(":red[:material/sentiment_very_dissatisfied:] " + _("What hurts customers"))
        _quotes(ws, board.complaints, _("No comments from unhappy customers lately."))


def work(ws: Workspace, board: WallBoard) -> None:
    friction, done = st.columns(2, gap="large")
    with friction:
        st.subheader(_("Still open where it matters most ({n})").format(n=fmt.number(board.moments)))
        if board.friction.empty:
            st.markdown(_("Nothing open at the moments that make or break the relationship.")
                        if ws.config.moments_of_truth else _("No journey stage is marked as a moment of truth."))  # fmt: skip
        for title, stage_id in board.friction[["title", "journey_stage"]].itertuples(index=False, name=None):
            stage = ws.config.name_of("journey_stage", stage_id)
            st.markdown(f"**{md(title)}** :gray[· {md(stage)}]")
    with done:
        st.subheader(_("Done this month ({n})").format(n=fmt.number(board.done_count)))
        for d in board.done:
            st.markdown(f":green[:material/check_circle:] {md(d.title)}  \n:gray[{_day(ws, d.status_since)}]")
        if not board.done:
            st.markdown(_("Nothing finished yet this month."))
            if board.last_done:
                last = board.last_done
                text = _("Last done: {title}, {day}").format(
                    title=md(last.title), day=_day(ws, last.status_since)
                )
                st.markdown(f":gray[{text}]")


def footer(ws: Workspace, board: WallBoard) -> None:
    left, right = st.columns([4, 1], vertical_alignment="center")
    left.caption(_("{organisation} · customer-experience council · updated {time}; this screen refreshes itself "
                   "every minute.").format(organisation=md(ws.config.organisation), time=fmt.clock(board.as_of)))  # fmt: skip
    right.page_link(
        page_at("app_pages/overview.py"), label=_("Back to the workspace"), icon=":material/arrow_back:"
    )


def _quotes(ws: Workspace, comments: list[Feedback], nothing: str) -> None:
    if not comments:
        st.markdown(nothing)
    for c in comments:
        where = [ws.config.name_of("journey_stage", c.journey_stage)] if c.journey_stage else []
        where += [ws.config.name_of("channel", c.channel)] if c.channel else []
        where.append(_day(ws, c.received_at))
        st.markdown(f"“{md(quote(c.comment))}”  \n:gray[{md(' · '.join(where))}]")


def _span(months: Sequence[tuple[date, object]]) -> str:
    """“Sep to Nov”: the months a figure covers."""
    if not months:
        return ""
    # Translators: two months, e.g. “Sep to Nov”.
    return _("{first} to {last}").format(first=fmt.month(months[0][0]), last=fmt.month(months[-1][0]))


def _day(ws: Workspace, moment: datetime | date) -> str:
    """“4 December” this year, “4 December 2025” before."""
    day = moment.astimezone(ws.zone).date() if isinstance(moment, datetime) else moment
    return fmt.day_month(day) if day.year == ws.today().year else fmt.long_day(day)
