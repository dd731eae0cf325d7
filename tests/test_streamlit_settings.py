"""The app's Streamlit settings (.streamlit/config.toml) that keep people's text safe."""

from __future__ import annotations

import tomllib

from streamlit import config

from council.services.feedback_file import MAX_UPLOAD_MB
from tests.conftest import ROOT


def test_tables_offer_no_download_that_would_hand_formulas_to_a_spreadsheet() -> None:
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["client"]["disableDataExport"] is True
    assert config.get_option("client.disableDataExport") is not None  # a setting this Streamlit knows


def test_uploads_above_the_apps_own_limit_still_reach_it_for_a_clear_message() -> None:
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["server"]["maxUploadSize"] > MAX_UPLOAD_MB
