"""Mail on screen: Settings → Mail (is it on, a test mail, the outbox with "Send again", who gets fewer
mails) and, in the sidebar, each person's own choice of the mails they get."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from council.domain.mail import CHOOSABLE, MailKind
from council.domain.people import Person
from council.services import mail_choices, outbox
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.text import md

FORM = "mail"
_STATUS_WORDS = {"failed": "Failed", "queued": "Waiting", "sent": "Sent"}
_SECURITY_WORDS = {
    "starttls": "encrypted with STARTTLS",
    "ssl": "encrypted with SSL/TLS",
    "none": "not encrypted",
}


def mail_settings(ws: Workspace, me: Person | None) -> None:
    st.subheader("Mail")
    mail = ws.config.email
    if not mail.enabled:
        st.info(
            f"Mail is off, so nobody gets invitations, agendas, minutes or reminders by mail. To turn it on, add "
            f"an `email` section to {md(str(ws.config.source))} (README → “Mail”) and restart the app.",
            icon=":material/mail_off:",
        )
        return
    st.markdown(
        f"**On.** Sent through {md(mail.host)}:{mail.port} ({_SECURITY_WORDS[mail.security]}) as "
        f"{md(mail.from_address)}; "
        f"links in mails open {md(mail.public_url)}."
    )
    _test_mail(ws, me)
    _outbox(ws, me)
    _choices(ws, me)


def _test_mail(ws: Workspace, me: Person | None) -> None:
    with st.form(f"{FORM}_test", border=False, enter_to_submit=True):
        cols = st.columns([3, 1], vertical_alignment="bottom")
        cols[0].text_input("Send a test mail to", key=f"{FORM}_address", value=(me.email if me else "") or "")
        cols[1].form_submit_button(
            "Send a test mail", icon=":material/send:", on_click=_send_test, args=(ws, me)
        )
        forms.field_error(FORM, "address")
        forms.form_error(FORM, ("address",))


def _send_test(ws: Workspace, me: Person | None) -> None:
    address = forms.value(FORM, "address", "")
    forms.save(
        FORM, lambda: outbox.send_test(ws, me, address),
        lambda answer: f"The mail server took the test mail for {address}. Its answer: {answer}",
    )  # fmt: skip


def _outbox(ws: Workspace, me: Person | None) -> None:
    counts = outbox.outbox_counts(ws)
    st.markdown(
        f"**Outbox:** {counts['queued']:,} waiting · {counts['sent']:,} sent · {counts['failed']:,} failed. "
        "Waiting mails go out within a minute while the app runs."
    )
    problem = outbox.waiting_because(ws)
    if problem:
        answer, next_try = problem
        st.warning(
            f"Mails are waiting. The last try said: {md(answer)}. Next try at "
            f"{next_try.astimezone(ws.zone):%H:%M}. Where it names a setting, correct it in the workspace file "
            "and restart the app; a server that was down gets them once it is back.",
            icon=":material/schedule_send:",
        )
    default = "failed" if counts["failed"] else "queued" if counts["queued"] else "sent"
    shown = st.segmented_control(
        "Show", list(_STATUS_WORDS), default=default, key=f"{FORM}_status",
        format_func=lambda s: f"{_STATUS_WORDS[s]} ({counts[s]:,})",
    ) or default  # fmt: skip
    lines = outbox.outbox_lines(ws, shown, limit=50)
    if not lines:
        st.caption(f"No {_STATUS_WORDS[shown].lower()} mails.")
        return
    if shown == "failed":
        for line in lines:
            cols = st.columns([5, 1], vertical_alignment="center")
            cols[0].markdown(
                f"**{md(line.subject)}** to {md(line.person_name or line.recipient)} ({md(line.recipient)}) · "
                f"queued {line.queued_at.astimezone(ws.zone):%-d %b %H:%M}  \n:red[{md(line.server_answer)}]"
            )
            cols[1].button(
                "Send again", key=f"send_again_{line.id}", icon=":material/replay:", on_click=forms.save,
                args=(FORM, lambda i=line.id: outbox.send_again(ws, me, i),
                      lambda _, r=line.recipient: f"The mail to {r} goes out again within a minute."),
            )  # fmt: skip
        return
    when = "sent_at" if shown == "sent" else "next_try_at"
    st.dataframe(
        pd.DataFrame([{
            "what": MailKind(line.kind).short, "subject": line.subject, "to": line.person_name or line.recipient,
            "address": line.recipient, "when": getattr(line, when), "tries": line.attempts,
            "server's answer": line.server_answer,
        } for line in lines]),
        hide_index=True,
        column_config={"when": st.column_config.DatetimeColumn(
            "sent" if shown == "sent" else "next try", format="D MMM HH:mm", timezone=ws.config.time_zone)},
    )  # fmt: skip


def _choices(ws: Workspace, me: Person | None) -> None:
    with st.expander("Who gets fewer mails, and who reads the weekly digest"):
        lines = mail_choices.choice_lines(ws, me)
        if not lines:
            st.caption(
                "Everyone on the roster has an address and gets every mail; nobody chose the digest yet."
            )
            return
        st.dataframe(
            pd.DataFrame([{
                "person": line.name, "gets no mail at all": line.gets_nothing,
                "turned off": ", ".join(line.turned_off), "weekly digest": line.digest,
            } for line in lines]),
            hide_index=True,
        )  # fmt: skip


def my_mails(ws: Workspace, me: Person | None) -> None:
    """The sidebar's "Mails you get": each person turns the mails beyond invitations on or off."""
    if not ws.config.email.enabled or me is None or me.id is None:
        return
    with st.sidebar.popover("Mails you get", icon=":material/mail:", width="stretch"):
        if not (me.email or "").strip():
            st.caption(
                "The roster has no e-mail address for you, so you get no mail. Ask the secretary to add one."
            )
            return
        st.caption(f"To {md(me.email or '')}. Meeting invitations always come.")
        chosen = mail_choices.my_choices(ws, me)
        for kind in CHOOSABLE:
            st.toggle(kind.label, value=chosen[kind], key=f"my_mail_{me.id}_{kind.value}",
                      on_change=_choose, args=(ws, me, kind))  # fmt: skip
        forms.form_error(f"{FORM}_mine", ())


def _choose(ws: Workspace, me: Person, kind: MailKind) -> None:
    receives = bool(st.session_state.get(f"my_mail_{me.id}_{kind.value}"))
    forms.save(
        f"{FORM}_mine", lambda: mail_choices.choose(ws, me, kind, receives),
        lambda _: f"You {'now get' if receives else 'no longer get'}: {kind.label.lower()}.",
    )  # fmt: skip
