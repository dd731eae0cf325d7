"""The workspace as served: Streamlit's own server with the sign-in routes and the gate in front of it.

    streamlit run app.py

runs `streamlit_app.py` (the pages) behind a sign-in that lasts across reloads and new tabs, with the
background worker that sends the mail, and carries out what the command line hands it while it runs.
"""

import streamlit as st
from starlette.middleware import Middleware

from council.cli import run_in_app
from council.ui.web import SignedInOnly
from council.ui.web_server import app_running, carry_out_commands_with, routes

carry_out_commands_with(run_in_app)  # the command line's commands, handed over while the app runs
app = st.App("streamlit_app.py", routes=routes(), middleware=[Middleware(SignedInOnly)], lifespan=app_running)
