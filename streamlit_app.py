"""CX Council Workspace: the entry point lays out the navigation and the sidebar, nothing else.

The page scripts live in `app_pages/`, not `pages/`: Streamlit treats a `pages/` folder beside the
entry script as the old automatic navigation until this script has run once, so a link straight
to a page (say a friction point's `?id=`) would open without the sidebar after every restart.
"""

import streamlit as st

from council.i18n import DEFAULT, _
from council.ui.forms import show_refusal
from council.ui.language import language_picker, speak_before_sign_in, speak_to
from council.ui.mail_views import my_mails
from council.ui.navigation import landing_page, not_for_your_role, pages_for, side_menu
from council.ui.session import SIGNED_OUT_KEY, acting_person, choose_acting_person, workspace
from council.ui.sign_in import sign_in_page, signed_in_person, signed_in_sidebar, wall_key_opens

speak_before_sign_in(DEFAULT)  # until the workspace and the person are known
st.set_page_config(page_title=_("CX Council"), page_icon=":material/groups:", layout="wide")
ws = workspace()
demo = ws.config.demo_mode
if demo:
    speak_to(ws, acting_person(ws))  # the selector speaks the language of the person chosen in it
    st.sidebar.markdown(f"### {ws.config.organisation}")
    me = choose_acting_person(ws)
else:
    me = signed_in_person(ws)
speak_to(ws, me)
st.set_page_config(page_title=_("CX Council"))  # the tab's title again, now in the person's own language
# Every page is in the navigation, so an address keeps the page asked for: signed out, it opens after
# signing in with a password; for another role, it says so politely. The side menu lists only the
# person's own.
every, mine = pages_for(me, everything=demo and me is None)
page = st.navigation(every, position="hidden")
if me is None and not demo:
    if page.url_path == "wall" and wall_key_opens(ws):  # a screen in the corridor: the wall, nothing else
        page.run()
    else:
        sign_in_page()
    st.stop()
if st.session_state.pop(SIGNED_OUT_KEY, False):  # the address shows the page the last person left
    st.switch_page(landing_page(me))
if not demo and me is not None:  # signed in: the demo alone is open to nobody
    st.sidebar.markdown(f"### {ws.config.organisation}")
    signed_in_sidebar(ws, me)
language_picker(ws, me)
my_mails(ws, me)
side_menu(mine)
show_refusal()
if any(page is own for own in mine.values()):
    page.run()
else:
    not_for_your_role(me, page, mine)
