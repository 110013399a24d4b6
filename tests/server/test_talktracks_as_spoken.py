"""Every shipped talk track, read out for real demo cases under each preset, tells nobody
but the confirmed debtor anything about the debt (issue 15): checked as spoken, with the
debtor's name, the agent's name and the preset's company names filled in."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from agentdesk.client import caseview
from agentdesk.domain import talktracks
from agentdesk.domain.compliance import load_policy
from agentdesk.server import documents
from agentdesk.server.db import Database
from agentdesk.server.models import Case, User


@pytest.mark.parametrize("preset", ["china", "us"])
def test_no_shipped_track_discloses_the_debt_to_whoever_answers(db: Database, preset: str) -> None:
    policy = load_policy(preset)
    tracks = talktracks.load_tracks()
    with db.sessions() as s:
        cases = documents.load_for_documents(s, list(s.scalars(select(Case.id))))
        built = documents.build_caches(s, cases)
        agents = [u.display_name for u in s.scalars(select(User).where(User.role == "agent"))]
    checked = 0
    for n, case in enumerate(cases):
        doc = json.loads("{" + f'"id":"{case.id}","status":"open",' + built[case.id][0] + "}")
        detail = caseview.case_detail(doc)
        for lang in ("zh", "en"):
            values = caseview.track_variables(detail, agents[n % len(agents)], lang, policy)
            for track in tracks:
                assert talktracks.spoken_disclosures(track, values, lang) == [], (track.id, lang)
                checked += 1
    assert checked == len(cases) * 2 * len(tracks) > 500
    # The company's own name would give the debt away: it is never the neutral one.
    assert policy.neutral_company_name("zh") != policy.company_name("zh")
    assert talktracks.spoken_disclosures(
        next(t for t in tracks if t.third_party),
        dict(values, company_neutral=policy.company_name("zh") if preset == "china" else "Debt Recovery Inc."),
        "zh" if preset == "china" else "en") != []
