"""The customer voice page's parts: its filters, the scores and the comments."""

from __future__ import annotations

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from council.charts.feedback import net_score_by_group, net_score_trend
from council.domain.feedback import BANDS, SCALES, VOICE_PERIODS, NpsFigure, VoiceFilter, nps_text
from council.domain.permissions import Task
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import customer_voice as service
from council.services import list_exports
from council.services.workspace import Workspace
from council.ui import forms, links
from council.ui.cache import cached, shared
from council.ui.downloads import csv_download
from council.ui.session import can, current_person

FORM = "attach_comment"


def voice_filter(ws: Workspace, scales: list[str]) -> VoiceFilter:
    """Period, scale, and the stage, channel, segment and source to look at."""
    cols = st.columns([2, 2, 2, 2, 2, 2])
    period = cols[0].selectbox(_("Period"), list(VOICE_PERIODS), index=2,
                               format_func=lambda p: _(VOICE_PERIODS[p][0]), key="voice_period")  # fmt: skip
    if len(scales) > 1:
        scale = cols[1].selectbox(_("Scale"), scales, format_func=lambda s: SCALES[s].name, key="voice_scale")
    else:
        cols[1].text_input(_("Scale"), SCALES[scales[0]].name, disabled=True)
        scale = scales[0]
    picks = {}
    for col, kind, label in ((cols[2], "journey_stage", _("Journey stage")), (cols[3], "channel", _("Channel")),
                             (cols[4], "segment", _("Segment"))):  # fmt: skip
        picks[kind] = col.selectbox(label, ws.config.ids(kind), index=None, placeholder=_("All"),
                                    format_func=partial(ws.config.name_of, kind),
                                    key=f"voice_{kind}")  # fmt: skip
    known = cached(ws, service.sources)
    picks["source"] = cols[5].selectbox(_("Source"), known, index=None, placeholder=_("All"), key="voice_source",
                                        disabled=not known)  # fmt: skip
    return service.filter_for(ws, scale=scale, period=period, **picks)


def _trend(ws: Workspace, flt: VoiceFilter) -> go.Figure:
    found = cached(ws, service.scores, flt)
    return net_score_trend(service.trend_frame(found), found.scale.net_name)


def _groups(ws: Workspace, flt: VoiceFilter, by: str) -> tuple[pd.DataFrame, go.Figure]:
    found = cached(ws, service.scores, flt)
    groups = service.group_frame(ws, found, by)
    return groups, net_score_by_group(groups, found.scale.net_name)


def figure_text(figure: NpsFigure, decimals: int = 1) -> str:
    return nps_text(figure.nps, decimals)


def trust_note(figure: NpsFigure) -> str:
    """How many responses a figure rests on, and whether that is enough to trust: "40 responses"."""
    n = figure.responses
    if n == 0:
        return _("no responses")
    if figure.trustworthy:
        return ngettext("{n} response", "{n} responses", int(n)).format(n=fmt.number(n))
    return ngettext("{n} response · too few to trust", "{n} responses · too few to trust", int(n)).format(
        n=fmt.number(n)
    )


def scores(ws: Workspace, flt: VoiceFilter) -> None:
    found = cached(ws, service.scores, flt)
    net = found.scale.net_name
    segments = dict(found.groups["segment"])
    cols = st.columns(4)
    overall = found.overall
    # Translators: {note} says how many responses there are ("40 responses"); {high} and {low} are scores.
    cols[0].metric(net, figure_text(overall), help=_("{note}. Share of enthusiastic customers ({high}+) minus share "
                   "of unhappy ones (up to {low}).").format(note=trust_note(overall), high=found.scale.enthusiastic_from,
                                                           low=found.scale.unhappy_up_to))  # fmt: skip
    cols[0].caption(trust_note(overall))
    share = overall.enthusiastic_share
    cols[1].metric(_("Enthusiastic customers"), "—" if share is None else fmt.percent(round(share) / 100),
                   help=_("Share of responses scoring {score} or more.").format(score=found.scale.enthusiastic_from))  # fmt: skip
    for col, segment in ((cols[2], "existing"), (cols[3], "new")):
        figure = segments.get(segment, NpsFigure(0, 0, 0))
        col.metric(f"{net}, {ws.config.name_of('segment', segment).lower()}", figure_text(figure))
        col.caption(trust_note(figure))
    st.markdown(_("**{measure} month by month** (hollow: too few responses to trust)").format(measure=net))
    st.plotly_chart(shared(ws, _trend, flt), width="stretch", key="voice_trend")
    breakdown(ws, flt, net)


@st.fragment
def breakdown(ws: Workspace, flt: VoiceFilter, net: str) -> None:
    """The scores per stage, channel or segment: choosing another reruns this part of the page alone."""
    by = st.segmented_control(_("Break down by"), list(service.BREAKDOWNS), format_func=lambda b: _(service.BREAKDOWNS[b]),
                              default="journey_stage", key="voice_by") or "journey_stage"  # fmt: skip
    groups, figure = shared(ws, _groups, flt, by)
    if by == "journey_stage":
        st.caption(_("★ a moment of truth. Pale bars rest on too few responses to trust."))
    st.plotly_chart(figure, width="stretch", key="voice_groups")
    st.dataframe(
        groups.drop(columns=["key", "moment_of_truth"]), hide_index=True, width="stretch",
        column_config={
            "name": _(service.BREAKDOWNS[by]),
            "net": st.column_config.NumberColumn(net, format="%+.0f"),
            "enthusiastic": st.column_config.NumberColumn(_("Enthusiastic"), format="%.0f%%"),
            "responses": st.column_config.NumberColumn(_("Responses"), format="%d"),
            "trustworthy": st.column_config.CheckboxColumn(_("Enough to trust")),
        },
    )  # fmt: skip


def comments(ws: Workspace, flt: VoiceFilter) -> None:
    cols = st.columns([2, 3])
    band = cols[0].selectbox(_("Customers who were"), list(BANDS), index=None, placeholder=_("Any"),
                             format_func=lambda b: _(BANDS[b]).lower(), key="voice_band")  # fmt: skip
    search = cols[1].text_input(
        _("Words in the comment"), key="voice_search", placeholder=_("Words the customer used")
    )
    flt = service.filter_for(ws, **{**flt.__dict__, "band": band, "search": search})
    page = st.session_state.get("voice_page", 1)
    found = cached(ws, service.comment_page, flt, page)
    if found.pages > 1:
        shown = ngettext("{n} comment, newest first · page {page} of {pages}",
                         "{n} comments, newest first · page {page} of {pages}", found.total)  # fmt: skip
    else:
        shown = ngettext("{n} comment, newest first", "{n} comments, newest first", found.total)
    st.caption(shown.format(n=fmt.number(found.total), page=found.page, pages=found.pages))
    if found.total:
        csv_download(
            ws,
            _("CSV ({n})").format(n=fmt.number(found.total)),
            "customer-comments",
            lambda: list_exports.comments_csv(ws, flt),
        )
    scale = SCALES[flt.scale]
    forms.show_flash()
    forms.form_error(FORM, ())
    editable = can(ws, Task.LOG)
    for item in found.items:
        with st.container(border=True):
            top = st.columns([5, 2])
            band_name = _(BANDS[scale.band(item.score)]).lower()
            where = " · ".join(ws.config.name_of(k, getattr(item, k)) for k in ("journey_stage", "channel", "segment")
                               if getattr(item, k))  # fmt: skip
            day = fmt.day(item.received_at.astimezone(ws.zone))
            if where:
                # Translators: {band} is how the customer felt ("unhappy"); {where} the stage, channel and segment.
                said = _("Score {score} ({band}) · {day} · {where} · {source}")
            else:
                said = _("Score {score} ({band}) · {day} · {source}")
            top[0].caption(
                said.format(score=item.score, band=band_name, day=day, where=where, source=item.source)
            )
            top[0].text(item.comment)
            if not editable:
                continue
            with top[1].popover(_("Use as evidence"), icon=":material/attach_file:"):
                key = f"{FORM}_{item.id}"
                chosen = st.session_state.get(key)
                friction = links.link_options(ws, key, "friction", [chosen] if chosen else [])
                st.selectbox(_("On friction point"), list(friction), index=None, key=key,
                             format_func=friction.__getitem__, placeholder=_("Choose…"))  # fmt: skip
                st.button(_("Attach"), key=f"{key}_go", on_click=_attach, args=(ws, item.id, key))
    if found.pages > 1:
        prev, _gap, nxt = st.columns([1, 4, 1])
        prev.button(
            _("Previous"), disabled=found.page <= 1, on_click=_turn, args=(found.page - 1,), key="voice_prev"
        )
        nxt.button(
            _("Next"),
            disabled=found.page >= found.pages,
            on_click=_turn,
            args=(found.page + 1,),
            key="voice_next",
        )


def _turn(page: int) -> None:
    st.session_state["voice_page"] = page


def _attach(ws: Workspace, feedback_id: int, key: str) -> None:
    friction_id = st.session_state.get(key)
    forms.save(FORM, lambda: service.attach_comment(ws, current_person(ws), feedback_id, friction_id),
               lambda _saved: _("The comment is now evidence on friction point #{id}.").format(id=friction_id),
               clear=(str(feedback_id),))  # fmt: skip
