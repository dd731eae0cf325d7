"""The app's Streamlit settings (.streamlit/config.toml) that keep people's text safe."""

from __future__ import annotations

import tomllib

from streamlit import config

from council.services.feedback_file import MAX_UPLOAD_MB
from tests.conftest import ROOT


def test_tables_offer_no_download_that_would_hand_formulas_to_a_spreadsheet() -> None:
    assert _settings()["client"]["disableDataExport"] is True
    assert config.get_option("client.disableDataExport") is not None  # a setting this Streamlit knows


def test_uploads_stop_at_the_apps_own_limit_before_they_are_read() -> None:
    assert _settings()["server"]["maxUploadSize"] == MAX_UPLOAD_MB


def test_production_settings_send_nothing_out_and_show_no_internals() -> None:
    settings = _settings()
    assert settings["browser"]["gatherUsageStats"] is False
    assert settings["client"]["showErrorDetails"] == "none"
    assert settings["client"]["toolbarMode"] == "viewer"
    for option in ("browser.gatherUsageStats", "client.showErrorDetails", "client.toolbarMode"):
        assert config.get_option(option) is not None  # settings this Streamlit knows


def _settings() -> dict:
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_chosen_items_and_buttons_are_a_calm_blue_not_the_red_of_an_error() -> None:
    colour = _settings()["theme"]["primaryColor"].lstrip("#")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    assert blue > red and blue > green


def test_a_served_app_neither_collects_garbage_after_every_run_nor_watches_its_source() -> None:
    # Each cost every page run and every new session time, for every person at once (README, speed).
    settings = _settings()
    assert settings["runner"]["postScriptGC"] is False
    assert settings["server"]["fileWatcherType"] == "none"
    for option in ("runner.postScriptGC", "server.fileWatcherType"):
        assert config.get_option(option) is not None  # settings this Streamlit knows
