"""The workspace as served: Streamlit's own server with the sign-in routes and the gate in front of it.

    streamlit run app.py

runs `streamlit_app.py` (the pages) behind a sign-in that lasts across reloads and new tabs.
"""

import streamlit as st
from starlette.middleware import Middleware

from council.ui.web import ROUTES, SignedInOnly, app_running

app = st.App("streamlit_app.py", routes=ROUTES, middleware=[Middleware(SignedInOnly)], lifespan=app_running)
