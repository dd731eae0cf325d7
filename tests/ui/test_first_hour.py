"""What a newcomer meets on the pages of a new workspace: one clear next step, said once, in words that fit
their role and their own organisation rather than the demo's."""

from __future__ import annotations

from pathlib import Path

from council.domain.people import Person
from council.services.workspace import open_workspace
from council.store import people
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG
from tests.ui.conftest import button, plain


def _with_member(config: Path, db: Path) -> int:
    ws = open_workspace(config, db, demo=False)
    try:
        return ws.db.write(
            lambda tx: people.add_person(
                tx, Person("Mia Member", "service", email="mia@example.org", roles=("member",))
            )
        )
    finally:
        ws.db.close()


def _as(app, db: Path, page: str, person_id: int, config: Path = DEMO_CONFIG):
    at = app(db, page, config=config)
    at.session_state[ACTING_KEY] = person_id
    return at.run()


def test_a_new_workspace_invites_the_first_friction_point_instead_of_blaming_filters(
    app, no_demo_config: Path, tmp_path: Path
) -> None:
    db = tmp_path / "new.duckdb"
    member = _with_member(no_demo_config, db)
    at = _as(app, db, "friction_points", member, no_demo_config)
    infos = [plain(i.value) for i in at.info]
    assert any("No friction points yet. Log the first one above" in i for i in infos)
    assert not any("matches these filters" in i for i in infos)


def test_a_member_is_not_told_to_plan_what_only_the_secretary_may(
    app, no_demo_config: Path, tmp_path: Path
) -> None:
    db = tmp_path / "new.duckdb"
    member = _with_member(no_demo_config, db)
    for page in ("overview", "meetings"):
        infos = " ".join(plain(i.value) for i in _as(app, db, page, member, no_demo_config).info)
        assert "the council's secretary plans them" in infos and "Plan the first one above" not in infos


def test_search_boxes_give_no_examples_from_the_demos_energy_company(app, demo_copy: Path) -> None:
    at = app(demo_copy, "friction_points")
    placeholders = " ".join(t.placeholder or "" for t in at.text_input)
    assert placeholders and not any(
        word in placeholders.lower() for word in ("meter", "bill", "invoice", "instalment")
    )


def test_a_save_says_so_once(app, demo_copy: Path) -> None:
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    secretary = ws.db.value("SELECT person_id FROM person_role WHERE role = 'secretary' ORDER BY 1 LIMIT 1")
    ws.db.close()
    at = _as(app, demo_copy, "settings", secretary)
    at.text_input(key="wall_link_label").input("Corridor")
    button(at, "Make a link").click().run()
    assert [plain(s.value) for s in at.success].count("A link for Corridor is made.") == 1
    assert not at.toast


def test_a_new_rosters_council_page_gives_one_first_step_instead_of_a_wall_of_warnings(
    app, no_demo_config: Path, tmp_path: Path
) -> None:
    at = app(tmp_path / "new.duckdb", "council", config=no_demo_config)
    assert not at.warning
    [step] = [plain(i.value).replace("*", "") for i in at.info]
    assert (
        step.startswith("First step: put the council's people on the roster") and "Customer service 2" in step
    )


def test_a_seat_nobody_can_take_is_warned_about_once_and_counted_once(empty) -> None:
    from council.services.rotation import rotation_plan
    from tests.services.conftest import add_person

    plan = rotation_plan(empty, 6)
    assert plan.nobody_to_suggest and plan.open_vacancies == empty.config.council.total_seats
    add_person(empty, "Gert Guest", "guest", department="hr", email="gert@example.org")
    later = rotation_plan(empty, 6)
    assert not later.nobody_to_suggest and later.open_vacancies == empty.config.council.total_seats


def test_the_net_score_shows_one_decimal_so_a_small_change_is_seen(app, demo_copy: Path) -> None:
    import re

    from council.domain.feedback import nps_text

    assert (nps_text(12.46), nps_text(-3.0), nps_text(None), nps_text(7.6, 0)) == ("+12.5", "-3.0", "—", "+8")
    at = app(demo_copy, "customer_voice")
    scores = [m.value for m in at.metric if m.label.startswith("NPS")]
    assert scores and all(re.fullmatch(r"[+-]\d+\.\d", s) for s in scores), scores


def test_customer_voice_narrows_to_one_source(app, demo_copy: Path) -> None:
    at = app(demo_copy, "customer_voice")
    before = {m.label: m.value for m in at.metric}
    at.selectbox(key="voice_source").select("App rating").run()
    after = {m.label: m.value for m in at.metric}
    assert not at.exception and before != after


def test_every_list_offers_its_own_spreadsheet(app, demo_copy: Path) -> None:
    for page in ("friction_points", "missing_connections", "blockers", "customer_voice"):
        at = app(demo_copy, page)
        if page == "customer_voice":
            at.segmented_control(key="voice_view").set_value("comments").run()  # the comments, not the scores
        labels = [b.proto.label for b in at.get("download_button")]
        assert any(label.startswith("CSV (") for label in labels), (page, labels)
