"""Wall screen: the council's work and the customers' voice, large, for a screen in the corridor."""

import streamlit as st

from council.i18n import _
from council.services.wall import wall_board
from council.ui import wall_views as wall
from council.ui.cache import cached_briefly
from council.ui.session import workspace
from council.ui.wall_views import WALL_STYLE

ws = workspace()
st.html(WALL_STYLE)


@st.fragment(run_every=60)
def board() -> None:
    found = cached_briefly(ws, wall_board)
    st.title(_("Where we stand with our customers"))
    wall.score(ws, found)
    wall.voices(ws, found)
    wall.work(ws, found)
    wall.footer(ws, found)


board()
