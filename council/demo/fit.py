"""Whether a workspace file can hold the demo organisation: the demo's records name departments, journey
stages, channels, segments and blocker categories by id, and a file that lists other ids cannot take them."""

from __future__ import annotations

from council.demo.content import content_for
from council.domain.workspace import WorkspaceConfig


def ids_the_demo_needs() -> dict[str, set[str]]:
    needs: dict[str, set[str]] = {
        k: set() for k in ("department", "journey_stage", "channel", "segment", "blocker_category")
    }
    demo = content_for()  # the ids are the same in every language
    for f in demo.friction_points:
        needs["journey_stage"].add(f["stage"])
        needs["channel"].add(f["channel"])
        needs["segment"].add(f["segment"])
        needs["department"].update({f["owner"], *f.get("involved", ())})
    for c in demo.missing_connections:
        needs["department"].update({c["from"], c["to"]})
        needs["journey_stage"].add(c["stage"])
    for b in demo.blockers:
        needs["blocker_category"].add(b["category"])
        needs["department"].add(b["owner"])
    needs["department"].update(p["department"] for p in demo.people if p.get("department"))
    return needs


def missing_for_the_demo(config: WorkspaceConfig) -> dict[str, list[str]]:
    """The ids the demo needs that `config` does not list, by kind; empty when the demo fits."""
    return {
        kind: sorted(wanted - set(config.ids(kind)))
        for kind, wanted in ids_the_demo_needs().items()
        if wanted - set(config.ids(kind))
    }
