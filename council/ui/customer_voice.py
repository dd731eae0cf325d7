"""The customer voice page's parts: its filters, the scores and the comments."""

from __future__ import annotations

import streamlit as st

from council.charts.feedback import net_score_by_group, net_score_trend
from council.domain.feedback import BANDS, SCALES, VOICE_PERIODS, NpsFigure, VoiceFilter, nps_text
from council.domain.permissions import Task
from council.services import customer_voice as service
from council.services import list_exports
from council.services.workspace import Workspace
from council.ui import forms, links
from council.ui.cache import cached
from council.ui.downloads import csv_download
from council.ui.session import can, current_person

FORM = "attach_comment"


def voice_filter(ws: Workspace, scales: list[str]) -> VoiceFilter:
    """Period, scale, and the stage, channel, segment and source to look at."""
    cols = st.columns([2, 2, 2, 2, 2, 2])
    period = cols[0].selectbox("Period", list(VOICE_PERIODS), index=2, format_func=lambda p: VOICE_PERIODS[p][0],
                               key="voice_period")  # fmt: skip
    if len(scales) > 1:
        scale = cols[1].selectbox("Scale", scales, format_func=lambda s: SCALES[s].name, key="voice_scale")
    else:
        cols[1].text_input("Scale", SCALES[scales[0]].name, disabled=True)
        scale = scales[0]
    picks = {}
    for col, kind, label in ((cols[2], "journey_stage", "Journey stage"), (cols[3], "channel", "Channel"),
                             (cols[4], "segment", "Segment")):  # fmt: skip
        picks[kind] = col.selectbox(label, ws.config.ids(kind), index=None, placeholder="All",
                                    format_func=lambda i, k=kind: ws.config.name_of(k, i), key=f"voice_{kind}")  # fmt: skip
    known = cached(ws, service.sources)
    picks["source"] = cols[5].selectbox("Source", known, index=None, placeholder="All", key="voice_source",
                                        disabled=not known)  # fmt: skip
    return service.filter_for(ws, scale=scale, period=period, **picks)


def figure_text(figure: NpsFigure, decimals: int = 1) -> str:
    return nps_text(figure.nps, decimals)


def trust_note(figure: NpsFigure) -> str:
    if figure.responses == 0:
        return "no responses"
    return f"{figure.responses:,} responses" + ("" if figure.trustworthy else " · too few to trust")


def scores(ws: Workspace, flt: VoiceFilter) -> None:
    found = cached(ws, service.scores, flt)
    net = found.scale.net_name
    segments = dict(found.groups["segment"])
    cols = st.columns(4)
    overall = found.overall
    cols[0].metric(net, figure_text(overall), help=f"{trust_note(overall)}. Share of enthusiastic customers "
                   f"({found.scale.enthusiastic_from}+) minus share of unhappy ones (up to {found.scale.unhappy_up_to}).")  # fmt: skip
    cols[0].caption(trust_note(overall))
    share = overall.enthusiastic_share
    cols[1].metric("Enthusiastic customers", "—" if share is None else f"{share:.0f}%",
                   help=f"Share of responses scoring {found.scale.enthusiastic_from} or more.")  # fmt: skip
    for col, segment in ((cols[2], "existing"), (cols[3], "new")):
        figure = segments.get(segment, NpsFigure(0, 0, 0))
        col.metric(f"{net}, {ws.config.name_of('segment', segment).lower()}", figure_text(figure))
        col.caption(trust_note(figure))
    st.markdown(f"**{net} month by month** (hollow: too few responses to trust)")
    st.plotly_chart(net_score_trend(service.trend_frame(found), net), width="stretch", key="voice_trend")
    by = st.segmented_control("Break down by", list(service.BREAKDOWNS), format_func=service.BREAKDOWNS.get,
                              default="journey_stage", key="voice_by") or "journey_stage"  # fmt: skip
    groups = service.group_frame(ws, found, by)
    if by == "journey_stage":
        st.caption("★ a moment of truth. Pale bars rest on too few responses to trust.")
    st.plotly_chart(net_score_by_group(groups, net), width="stretch", key="voice_groups")
    st.dataframe(
        groups.drop(columns=["key", "moment_of_truth"]), hide_index=True, width="stretch",
        column_config={
            "name": service.BREAKDOWNS[by],
            "net": st.column_config.NumberColumn(net, format="%+.0f"),
            "enthusiastic": st.column_config.NumberColumn("Enthusiastic", format="%.0f%%"),
            "responses": st.column_config.NumberColumn("Responses", format="%d"),
            "trustworthy": st.column_config.CheckboxColumn("Enough to trust"),
        },
    )  # fmt: skip


def comments(ws: Workspace, flt: VoiceFilter) -> None:
    cols = st.columns([2, 3])
    band = cols[0].selectbox("Customers who were", list(BANDS), index=None, placeholder="Any",
                             format_func=lambda b: BANDS[b].lower(), key="voice_band")  # fmt: skip
    search = cols[1].text_input(
        "Words in the comment", key="voice_search", placeholder="Words the customer used"
    )
    flt = service.filter_for(ws, **{**flt.__dict__, "band": band, "search": search})
    page = st.session_state.get("voice_page", 1)
    found = cached(ws, service.comment_page, flt, page)
    st.caption(
        f"{found.total:,} comments, newest first"
        + (f" · page {found.page} of {found.pages}" if found.pages > 1 else "")
    )
    if found.total:
        csv_download(
            ws, f"CSV ({found.total:,})", "customer-comments", lambda: list_exports.comments_csv(ws, flt)
        )
    scale = SCALES[flt.scale]
    forms.show_flash()
    forms.form_error(FORM, ())
    editable = can(ws, Task.LOG)
    for item in found.items:
        with st.container(border=True):
            top = st.columns([5, 2])
            band_name = BANDS[scale.band(item.score)]
            where = " · ".join(ws.config.name_of(k, getattr(item, k)) for k in ("journey_stage", "channel", "segment")
                               if getattr(item, k))  # fmt: skip
            top[0].caption(f"Score {item.score} ({band_name.lower()}) · {item.received_at.astimezone(ws.zone):%-d %b %Y}"
                           f"{' · ' + where if where else ''} · {item.source}")  # fmt: skip
            top[0].text(item.comment)
            if not editable:
                continue
            with top[1].popover("Use as evidence", icon=":material/attach_file:"):
                key = f"{FORM}_{item.id}"
                chosen = st.session_state.get(key)
                friction = links.link_options(ws, key, "friction", [chosen] if chosen else [])
                st.selectbox("On friction point", list(friction), index=None, format_func=friction.get,
                             placeholder="Choose…", key=key)  # fmt: skip
                st.button("Attach", key=f"{key}_go", on_click=_attach, args=(ws, item.id, key))
    if found.pages > 1:
        prev, _, nxt = st.columns([1, 4, 1])
        prev.button(
            "Previous", disabled=found.page <= 1, on_click=_turn, args=(found.page - 1,), key="voice_prev"
        )
        nxt.button(
            "Next",
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
               lambda _: f"The comment is now evidence on friction point #{friction_id}.", clear=(str(feedback_id),))  # fmt: skip
