"""Mail on screen: Settings → Mail (is it on, a test mail, the outbox with "Send again", who gets fewer
mails) and, in the sidebar, each person's own choice of the mails they get."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from council.domain.mail import CHOOSABLE, MailKind
from council.domain.people import Person
from council.i18n import N_, _
from council.i18n import formats as fmt
from council.services import mail_choices, outbox
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.text import md, table_date

FORM = "mail"
_STATUS_WORDS = {"failed": N_("Failed"), "queued": N_("Waiting"), "sent": N_("Sent")}
_NONE_OF_THEM = {
    "failed": N_("No failed mails."),
    "queued": N_("No waiting mails."),
    "sent": N_("No sent mails."),
}
_SECURITY_WORDS = {
    "starttls": N_("encrypted with STARTTLS"),
    "ssl": N_("encrypted with SSL/TLS"),
    "none": N_("not encrypted"),
}


def mail_settings(ws: Workspace, me: Person | None) -> None:
    st.subheader(_("Mail"))
    mail = ws.config.email
    if not mail.enabled:
        st.info(
            _(
                "Mail is off, so nobody gets invitations, agendas, minutes or reminders by mail. To turn it on, "
                "add an `email` section to {file} (README → “Mail”) and restart the app."
            ).format(file=md(str(ws.config.source))),
            icon=":material/mail_off:",
        )
        return
    st.markdown(
        _("**On.** Sent through {server} ({security}) as {sender}; links in mails open {url}.").format(
            server=f"{md(mail.host)}:{mail.port}", security=_(_SECURITY_WORDS[mail.security]),
            sender=md(mail.from_address), url=md(mail.public_url),
        )
    )  # fmt: skip
    _test_mail(ws, me)
    _outbox(ws, me)
    _choices(ws, me)


def _test_mail(ws: Workspace, me: Person | None) -> None:
    with st.form(f"{FORM}_test", border=False, enter_to_submit=True):
        cols = st.columns([3, 1], vertical_alignment="bottom")
        cols[0].text_input(
            _("Send a test mail to"), key=f"{FORM}_address", value=(me.email if me else "") or ""
        )
        cols[1].form_submit_button(
            _("Send a test mail"), icon=":material/send:", on_click=_send_test, args=(ws, me)
        )
        forms.field_error(FORM, "address")
        forms.form_error(FORM, ("address",))


def _send_test(ws: Workspace, me: Person | None) -> None:
    address = forms.value(FORM, "address", "")
    forms.save(
        FORM, lambda: outbox.send_test(ws, me, address),
        lambda answer: _("The mail server took the test mail for {address}. Its answer: {answer}").format(
            address=address, answer=answer),
    )  # fmt: skip


def _outbox(ws: Workspace, me: Person | None) -> None:
    counts = outbox.outbox_counts(ws)
    st.markdown(
        _(
            "**Outbox:** {waiting} waiting · {sent} sent · {failed} failed. "
            "Waiting mails go out within a minute while the app runs."
        ).format(
            waiting=fmt.number(counts["queued"]),
            sent=fmt.number(counts["sent"]),
            failed=fmt.number(counts["failed"]),
        )
    )
    problem = outbox.waiting_because(ws)
    if problem:
        answer, next_try = problem
        st.warning(
            _(
                "Mails are waiting. The last try said: {answer}. Next try at {time}. Where it names a setting, "
                "correct it in the workspace file and restart the app; a server that was down gets them once it "
                "is back."
            ).format(answer=md(answer), time=fmt.clock(next_try.astimezone(ws.zone))),
            icon=":material/schedule_send:",
        )
    default = "failed" if counts["failed"] else "queued" if counts["queued"] else "sent"
    shown = st.segmented_control(
        _("Show"), list(_STATUS_WORDS), default=default, key=f"{FORM}_status",
        format_func=lambda s: f"{_(_STATUS_WORDS[s])} ({fmt.number(counts[s])})",
    ) or default  # fmt: skip
    lines = outbox.outbox_lines(ws, shown, limit=50)
    if not lines:
        st.caption(_(_NONE_OF_THEM[shown]))
        return
    if shown == "failed":
        for line in lines:
            cols = st.columns([5, 1], vertical_alignment="center")
            cols[0].markdown(
                _("**{subject}** to {name} ({address}) · queued {when}  \n:red[{answer}]").format(
                    subject=md(line.subject),
                    name=md(line.person_name or line.recipient),
                    address=md(line.recipient),
                    when=fmt.short_moment(line.queued_at.astimezone(ws.zone)),
                    answer=md(line.server_answer),
                )
            )
            cols[1].button(
                _("Send again"), key=f"send_again_{line.id}", icon=":material/replay:", on_click=forms.save,
                args=(FORM, lambda i=line.id: outbox.send_again(ws, me, i),
                      lambda _done, r=line.recipient: _("The mail to {address} goes out again within a minute.").format(
                          address=r)),
            )  # fmt: skip
        return
    when = "sent_at" if shown == "sent" else "next_try_at"
    when_column = _("sent") if shown == "sent" else _("next try")
    st.dataframe(
        pd.DataFrame([{
            _("what"): MailKind(line.kind).short, _("subject"): line.subject,
            _("to"): line.person_name or line.recipient, _("address"): line.recipient,
            when_column: getattr(line, when), _("tries"): line.attempts, _("server's answer"): line.server_answer,
        } for line in lines]),
        hide_index=True,
        column_config={when_column: st.column_config.DatetimeColumn(
            when_column, format=table_date("short"), timezone=ws.config.time_zone)},
    )  # fmt: skip


def _choices(ws: Workspace, me: Person | None) -> None:
    with st.expander(_("Who gets fewer mails, and who reads the weekly digest")):
        lines = mail_choices.choice_lines(ws, me)
        if not lines:
            st.caption(
                _("Everyone on the roster has an address and gets every mail; nobody chose the digest yet.")
            )
            return
        st.dataframe(
            pd.DataFrame([{
                _("person"): line.name, _("gets no mail at all"): line.gets_nothing,
                _("turned off"): ", ".join(line.turned_off), _("weekly digest"): line.digest,
            } for line in lines]),
            hide_index=True,
        )  # fmt: skip


def my_mails(ws: Workspace, me: Person | None) -> None:
    """The sidebar's "Mails you get": each person turns the mails beyond invitations on or off."""
    if not ws.config.email.enabled or me is None or me.id is None:
        return
    with st.sidebar.popover(_("Mails you get"), icon=":material/mail:", width="stretch"):
        if not (me.email or "").strip():
            st.caption(
                _(
                    "The roster has no e-mail address for you, so you get no mail. Ask the secretary to add one."
                )
            )
            return
        st.caption(_("To {address}. Meeting invitations always come.").format(address=md(me.email or "")))
        chosen = mail_choices.my_choices(ws, me)
        for kind in CHOOSABLE:
            st.toggle(kind.label, value=chosen[kind], key=f"my_mail_{me.id}_{kind.value}",
                      on_change=_choose, args=(ws, me, kind))  # fmt: skip
        forms.form_error(f"{FORM}_mine", ())


def _choose(ws: Workspace, me: Person, kind: MailKind) -> None:
    receives = bool(st.session_state.get(f"my_mail_{me.id}_{kind.value}"))
    forms.save(
        f"{FORM}_mine", lambda: mail_choices.choose(ws, me, kind, receives),
        lambda _done: (_("You now get: {mails}.") if receives else _("You no longer get: {mails}.")).format(
            mails=kind.label.lower()),
    )  # fmt: skip
