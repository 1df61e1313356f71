"""Finance's dead letters in process: timeline events intake refuses for good (a 4xx at once, or failures past
the attempts allowed) are kept, listed for admin only, and sent again from the start when admin redrives them."""

import uuid

import pytest

from services.common.internal import Reply
from services.finance.models import FinanceOutbox
from services.intake.contract import TIMELINE_PATH
from tests.api.finance._support import ADMIN, OFFICER, Finance
from tests.helpers.problems import assert_problem

DEAD_LETTERS = "/finance/admin/dead-letters"


class IntakeRefuses:
    """Intake answering every timeline event with `status` (a contract drift, a broken deploy) until `fixed`."""

    def __init__(self, fin: Finance, monkeypatch: pytest.MonkeyPatch) -> None:
        self.status = 422
        self.refused = 0
        self._send = fin.kuaiban.transport.send
        monkeypatch.setattr(fin.kuaiban.transport, "send", self.send)

    async def send(self, method: str, url: str, **options) -> Reply:
        if self.status and url.endswith(TIMELINE_PATH):
            self.refused += 1
            return Reply(self.status, b'{"detail": "refused"}')
        return await self._send(method, url, **options)

    def fixed(self) -> None:
        self.status = 0


async def dead_letters(fin: Finance, **params) -> list[dict]:
    return await fin.collect(DEAD_LETTERS, ADMIN, **params)


async def test_a_refused_event_is_a_dead_letter_until_admin_redrives_it(fin: Finance, monkeypatch: pytest.MonkeyPatch):
    enterprise = await fin.new_enterprise()
    intake = IntakeRefuses(fin, monkeypatch)
    need = await fin.post_need(enterprise)
    relay = fin.kuaiban.relay("finance", FinanceOutbox)
    await relay.deliver_once()
    assert intake.refused == 1

    mine = [d for d in await dead_letters(fin) if d["payload"]["ref_id"] == need["id"]]
    assert len(mine) == 1, mine
    letter = mine[0]
    assert (letter["recipient"], letter["path"], letter["status"], letter["attempts"]) == (
        "intake",
        TIMELINE_PATH,
        "dead",
        1,
    )
    assert letter["payload"]["kind"] == "need.posted" and letter["payload"]["enterprise_id"] == enterprise.id
    assert letter["last_error"].startswith("422") and letter["updated_at"].endswith("Z")

    # A dead letter is not retried, however long one waits.
    intake.fixed()
    fin.kuaiban.clock.advance(hours=1)
    await relay.deliver_once()
    assert await fin.finance_events(enterprise.id) == []

    redrive = f"{DEAD_LETTERS}/{letter['id']}/redrive"
    for outsider in (enterprise.headers, OFFICER, (await fin.new_bank()).headers):
        assert_problem(await fin.http.get(DEAD_LETTERS, headers=outsider), 403)
        assert_problem(await fin.http.post(redrive, headers=outsider), 403)
    assert_problem(await fin.http.get(DEAD_LETTERS), 401)
    assert_problem(await fin.http.post(redrive), 401)
    assert_problem(await fin.http.post(f"{DEAD_LETTERS}/{uuid.uuid4()}/redrive", headers=ADMIN), 404)

    redriven = await fin.http.post(redrive, headers=ADMIN)
    assert redriven.status_code == 200, redriven.text
    assert (redriven.json()["id"], redriven.json()["status"], redriven.json()["attempts"]) == (
        letter["id"],
        "pending",
        0,
    )
    assert_problem(await fin.http.post(redrive, headers=ADMIN), 404)  # no longer a dead letter
    assert letter["id"] not in {d["id"] for d in await dead_letters(fin)}

    await fin.assert_timeline(enterprise.id, ("need.posted", need["id"]))
    assert_problem(await fin.http.post(redrive, headers=ADMIN), 404)  # delivered: nothing to redrive


async def test_failures_past_the_attempts_allowed_make_a_dead_letter(fin: Finance, monkeypatch: pytest.MonkeyPatch):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town)
    intake = IntakeRefuses(fin, monkeypatch)
    intake.status = 503  # answered, but failing: retried with backoff before it is given up
    need = await fin.post_need(enterprise)
    fin.kuaiban.clock.advance(seconds=1)
    application = await fin.applied(enterprise, need["id"], product["id"])
    assert (await fin.decide(bank.headers, application["id"], "reject", reason="额度已满")).status_code == 200
    relay = fin.kuaiban.relay("finance", FinanceOutbox, max_attempts=3)

    def mine(letters: list[dict]) -> list[dict]:
        return [d for d in letters if d["payload"]["enterprise_id"] == enterprise.id]

    for attempt in (1, 2):
        await relay.deliver_once()
        assert mine(await dead_letters(fin)) == [], attempt
        fin.kuaiban.clock.advance(minutes=1)  # past the backoff of 1 s, then 2 s
    await relay.deliver_once()
    letters = mine(await dead_letters(fin))
    assert sorted(d["payload"]["kind"] for d in letters) == ["application.rejected", "need.posted"]
    assert all(d["attempts"] == 3 and d["last_error"].startswith("503") for d in letters), letters
    assert intake.refused == 6

    # Newest change first, one page at a time.
    first = await fin.http.get(DEAD_LETTERS, params={"limit": 1}, headers=ADMIN)
    assert first.status_code == 200 and len(first.json()["items"]) == 1 and first.json()["next_cursor"]
    paged = await fin.collect(DEAD_LETTERS, ADMIN, limit=1)
    assert [d["id"] for d in paged] == [d["id"] for d in await dead_letters(fin)]
    assert len({d["id"] for d in paged}) == len(paged)

    intake.fixed()
    for letter in letters:
        assert (await fin.http.post(f"{DEAD_LETTERS}/{letter['id']}/redrive", headers=ADMIN)).status_code == 200
    await fin.assert_timeline(enterprise.id, ("need.posted", need["id"]), ("application.rejected", application["id"]))
    summaries = await fin.timeline_summaries(enterprise.id)
    assert summaries[("application.rejected", application["id"])] == "银行未批准贷款申请：额度已满"
