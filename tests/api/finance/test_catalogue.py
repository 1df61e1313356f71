"""Catalogue sync in process: a bank upserts products by its own id, one by one or in batches of up to 500
with a result per item, every change of terms is a new version, and a loan application keeps the terms it
applied under."""

import uuid

from sqlmodel import select

from services.finance.models import Product, ProductVersion
from tests.api.finance._support import ADMIN, OFFICER, Finance, Party
from tests.helpers.factories import headers_for
from tests.helpers.problems import assert_problem

BATCH = "/finance/products/batch"


def by_ref(ref: str) -> str:
    return f"/finance/products/by-ref/{ref}"


def new_ref() -> str:
    return f"SX-{uuid.uuid4().hex[:12]}"


async def put(fin: Finance, bank: Party, ref: str, body: dict, **params):
    return await fin.http.put(by_ref(ref), json=body, headers=bank.headers, params=params)


async def versions(fin: Finance, product_id: str) -> list[tuple[int, dict]]:
    """The product's stored versions, oldest first, as (version, terms)."""
    async with fin.kuaiban.runtimes["finance"].sessions() as session:
        rows = await session.exec(
            select(ProductVersion).where(ProductVersion.product_id == uuid.UUID(product_id)).order_by("version")
        )
        return [(row.version, row.terms) for row in rows.all()]


async def bank_products_by_ref(fin: Finance, bank: Party) -> dict[str, dict]:
    return {p["external_ref"]: p for p in await fin.bank_products(bank)}


async def test_a_bank_upserts_a_product_by_its_own_id(fin: Finance):
    bank = await fin.new_bank()
    ref, body = new_ref(), fin.product_body()

    created = await put(fin, bank, ref, body)
    assert created.status_code == 201, created.text
    product = created.json()
    assert created.headers["sync-result"] == "created"
    assert created.headers["location"] == f"/finance/products/{product['id']}"
    assert (product["external_ref"], product["version"], product["bank_id"]) == (ref, 1, bank.id)
    assert product["annual_rate_pct_min"] == body["annual_rate_pct_min"] and product["status"] == "active"

    fin.kuaiban.clock.advance(minutes=1)
    # The same terms, lists in another order: nothing is written, not even updated_at.
    same = {**body, "collateral_types": ["credit"], "accepted_credit_ratings": ["B", "A"]}
    unchanged = await put(fin, bank, ref, same)
    assert unchanged.status_code == 200, unchanged.text
    assert unchanged.headers["sync-result"] == "unchanged"
    assert unchanged.json() == product

    fin.kuaiban.clock.advance(minutes=1)
    updated = await put(fin, bank, ref, {**body, "annual_rate_pct_min": 3.2, "max_amount_yuan": 8_000_000})
    assert updated.status_code == 200 and updated.headers["sync-result"] == "updated", updated.text
    assert "location" not in updated.headers
    revised = updated.json()
    assert (revised["id"], revised["version"], revised["annual_rate_pct_min"]) == (product["id"], 2, 3.2)
    assert revised["updated_at"] > product["updated_at"] and revised["created_at"] == product["created_at"]
    fetched = await fin.http.get(f"/finance/products/{product['id']}", headers=OFFICER)
    assert fetched.json() == revised

    history = await versions(fin, product["id"])
    assert [number for number, _ in history] == [1, 2]
    assert (history[0][1]["annual_rate_pct_min"], history[1][1]["annual_rate_pct_min"]) == (3.5, 3.2)
    assert (history[0][1]["max_amount_yuan"], history[1][1]["max_amount_yuan"]) == (10_000_000, 8_000_000)
    assert history[1][1]["valid_until"] == body["valid_until"] and history[1][1]["name"] == body["name"]
    assert [p["id"] for p in await fin.bank_products(bank)] == [product["id"]]  # one product throughout


async def test_a_product_post_is_version_1_and_a_withdrawal_is_no_new_version(fin: Finance):
    bank = await fin.new_bank()
    posted = await fin.post_product(bank)
    assert (posted["version"], posted["external_ref"]) == (1, None)
    assert [number for number, _ in await versions(fin, posted["id"])] == [1]

    ref = new_ref()
    synced = (await put(fin, bank, ref, fin.product_body())).json()
    withdrawn = await fin.withdraw(bank, synced["id"])
    assert withdrawn["version"] == 1 and len(await versions(fin, synced["id"])) == 1
    # A sync changes terms, never the status: a withdrawn product stays withdrawn.
    again = await put(fin, bank, ref, fin.product_body(annual_rate_pct_max=6.0))
    assert again.headers["sync-result"] == "updated", again.text
    assert (again.json()["status"], again.json()["version"]) == ("withdrawn", 2)


async def test_rates_are_compared_as_stored_so_a_resent_product_is_unchanged(fin: Finance):
    bank = await fin.new_bank()
    ref = new_ref()
    body = fin.product_body(annual_rate_pct_min=3.456, annual_rate_pct_max=4.3)
    first = await put(fin, bank, ref, body)
    assert first.status_code == 201 and first.json()["annual_rate_pct_min"] == 3.46, first.text
    again = await put(fin, bank, ref, body)
    assert again.headers["sync-result"] == "unchanged", again.text
    assert (await put(fin, bank, ref, {**body, "annual_rate_pct_max": 4.30})).headers["sync-result"] == "unchanged"


async def test_the_same_ref_at_two_banks_names_two_products(fin: Finance):
    bank, rival = await fin.new_bank(), await fin.new_bank("中国建设银行濉溪支行")
    ref, body = new_ref(), fin.product_body()
    ours = await put(fin, bank, ref, body)
    theirs = await put(fin, rival, ref, fin.product_body(annual_rate_pct_min=4.0))
    assert ours.status_code == theirs.status_code == 201, (ours.text, theirs.text)
    assert ours.json()["id"] != theirs.json()["id"] and theirs.json()["bank_id"] == rival.id

    # The rival edits its own product of that ref; ours stays as it was.
    edited = await put(fin, rival, ref, fin.product_body(annual_rate_pct_min=4.2))
    assert edited.headers["sync-result"] == "updated" and edited.json()["id"] == theirs.json()["id"]
    assert (await fin.http.get(f"/finance/products/{ours.json()['id']}", headers=bank.headers)).json() == ours.json()

    # A bank cannot write another bank's catalogue, by ref or in a batch.
    foreign = {"bank_id": bank.id}
    assert_problem(await put(fin, rival, ref, fin.product_body(annual_rate_pct_min=5.0), **foreign), 403)
    batch = {"items": [{**fin.product_body(annual_rate_pct_min=5.0), "external_ref": ref}]}
    assert_problem(await fin.http.post(BATCH, json=batch, headers=rival.headers, params=foreign), 403)
    # Naming its own bank is fine.
    own = await put(fin, bank, ref, body, bank_id=bank.id)
    assert own.status_code == 200 and own.headers["sync-result"] == "unchanged"
    stored = await bank_products_by_ref(fin, bank)
    assert stored[ref]["annual_rate_pct_min"] == ours.json()["annual_rate_pct_min"] and stored[ref]["version"] == 1


async def test_admin_syncs_for_the_bank_it_names(fin: Finance):
    bank = await fin.new_bank()
    ref, body = new_ref(), fin.product_body()
    created = await fin.http.put(by_ref(ref), json=body, headers=ADMIN, params={"bank_id": bank.id})
    assert created.status_code == 201 and created.json()["bank_id"] == bank.id, created.text
    missing = assert_problem(await fin.http.put(by_ref(ref), json=fin.product_body(), headers=ADMIN), 422)
    assert [e["field"] for e in missing["errors"]] == ["bank_id"]
    unknown = await fin.http.put(
        by_ref(ref), json=fin.product_body(), headers=ADMIN, params={"bank_id": str(uuid.uuid4())}
    )
    assert assert_problem(unknown, 422)["errors"][0]["code"] == "unknown_reference"
    batch = {"items": [{**body, "external_ref": ref}]}
    answer = await fin.http.post(BATCH, json=batch, headers=ADMIN, params={"bank_id": bank.id})
    assert answer.status_code == 200 and answer.json()["items"][0]["result"] == "unchanged", answer.text


async def test_only_banks_and_admin_sync_a_catalogue(fin: Finance):
    enterprise = await fin.new_enterprise()
    bank = await fin.new_bank()
    ref = new_ref()
    for outsider in (enterprise.headers, OFFICER):
        assert_problem(await fin.http.put(by_ref(ref), json=fin.product_body(), headers=outsider), 403)
        batch = {"items": [{**fin.product_body(), "external_ref": ref}]}
        assert_problem(await fin.http.post(BATCH, json=batch, headers=outsider, params={"bank_id": bank.id}), 403)
    assert await fin.bank_products(bank) == []
    orphan = headers_for("bank", bank_id=str(uuid.uuid4()))  # an account whose bank is not registered
    assert_problem(await fin.http.put(by_ref(ref), json=fin.product_body(), headers=orphan), 404)
    for bad in ("-leading-dash", "x" * 65, "有中文"):
        assert_problem(await put(fin, bank, bad, fin.product_body()), 422)
    assert_problem(await put(fin, bank, ref, {**fin.product_body(), "external_ref": ref}), 422)  # not in the body


async def test_a_batch_answers_each_item_and_keeps_the_good_ones(fin: Finance):
    bank = await fin.new_bank()
    kept_ref, edited_ref = new_ref(), new_ref()
    kept = (await put(fin, bank, kept_ref, fin.product_body())).json()
    edited = (await put(fin, bank, edited_ref, fin.product_body())).json()
    new_refs = [new_ref(), new_ref()]

    def item(ref: str, **overrides) -> dict:
        return {**fin.product_body(**overrides), "external_ref": ref}

    too_wide = {**item(new_ref()), "min_amount_yuan": 20_000_000}  # above max_amount_yuan
    incomplete = item(new_ref())
    del incomplete["accepted_credit_ratings"]
    incomplete["collateral_types"] = ["goodwill"]
    items = [
        item(new_refs[0]),
        too_wide,
        {**item(kept_ref), "name": kept["name"]},
        incomplete,
        item(edited_ref, annual_rate_pct_min=3.1),
        42,
        item(new_refs[0], annual_rate_pct_min=3.3),  # the same ref again in this batch
        {**item(new_refs[1]), "surprise": True},
        {**item("bad ref!")},
        item(new_refs[1]),
    ]
    answer = await fin.http.post(BATCH, json={"items": items}, headers=bank.headers)
    assert answer.status_code == 200, answer.text
    results = answer.json()["items"]
    assert [r["index"] for r in results] == list(range(len(items)))
    assert [r["result"] for r in results] == [
        "created",
        "invalid",
        "unchanged",
        "invalid",
        "updated",
        "invalid",
        "invalid",
        "invalid",
        "invalid",
        "created",
    ]
    assert answer.json()["counts"] == {"created": 2, "updated": 1, "unchanged": 1, "invalid": 6}
    assert [r["external_ref"] for r in results] == [
        new_refs[0],
        too_wide["external_ref"],
        kept_ref,
        incomplete["external_ref"],
        edited_ref,
        None,
        new_refs[0],
        new_refs[1],
        "bad ref!",
        new_refs[1],
    ]
    for result in results:
        if result["result"] == "invalid":
            problem = result["problem"]
            assert (problem["status"], problem["code"]) == (422, "validation_failed") and problem["detail"]
            assert result["product_id"] is None and result["version"] is None
        else:
            assert result["problem"] is None and result["product_id"]

    def fields(index: int) -> set[str]:
        return {error["field"] for error in results[index]["problem"]["errors"]}

    assert "max_amount_yuan" in results[1]["problem"]["errors"][0]["message"]
    assert fields(3) == {"accepted_credit_ratings", "collateral_types.0"}
    assert results[5]["problem"]["errors"][0]["message"] == "应为对象"  # not an object
    assert fields(6) == {"external_ref"}
    assert fields(7) == {"surprise"} and fields(8) == {"external_ref"}

    stored = await bank_products_by_ref(fin, bank)
    assert set(stored) == {kept_ref, edited_ref, *new_refs}
    assert (stored[kept_ref]["version"], stored[edited_ref]["version"]) == (1, 2)
    assert stored[edited_ref]["annual_rate_pct_min"] == 3.1
    assert stored[new_refs[0]]["annual_rate_pct_min"] == 3.5  # the first of the repeated ref counts
    assert results[0]["product_id"] == stored[new_refs[0]]["id"] and results[4]["product_id"] == edited["id"]
    assert results[4]["version"] == 2

    english = await fin.http.post(BATCH, json={"items": [too_wide]}, headers={**bank.headers, "Accept-Language": "en"})
    assert "must not exceed" in english.json()["items"][0]["problem"]["errors"][0]["message"]


async def test_a_batch_sent_twice_is_unchanged_the_second_time(fin: Finance):
    bank = await fin.new_bank()
    batch = {"items": [{**fin.product_body(), "external_ref": new_ref()} for _ in range(20)]}
    first = await fin.http.post(BATCH, json=batch, headers=bank.headers)
    assert first.status_code == 200, first.text
    assert first.json()["counts"] == {"created": 20, "updated": 0, "unchanged": 0, "invalid": 0}
    fin.kuaiban.clock.advance(minutes=5)
    second = await fin.http.post(BATCH, json=batch, headers=bank.headers)
    assert second.json()["counts"] == {"created": 0, "updated": 0, "unchanged": 20, "invalid": 0}
    assert [r["product_id"] for r in second.json()["items"]] == [r["product_id"] for r in first.json()["items"]]
    products = await fin.bank_products(bank)
    assert len(products) == 20 and {p["version"] for p in products} == {1}
    assert all(p["updated_at"] == p["created_at"] for p in products)  # the second time wrote nothing
    for product in products[:3]:
        assert len(await versions(fin, product["id"])) == 1

    # With an Idempotency-Key, a retry replays the first answer itself.
    keyed = {**bank.headers, "Idempotency-Key": f"batch-{uuid.uuid4()}"}
    more = {"items": [{**fin.product_body(), "external_ref": new_ref()}]}
    once = await fin.http.post(BATCH, json=more, headers=keyed)
    replay = await fin.http.post(BATCH, json=more, headers=keyed)
    assert once.json() == replay.json() and replay.headers["idempotent-replayed"] == "true"
    assert replay.json()["items"][0]["result"] == "created"
    assert len(await fin.bank_products(bank)) == 21


async def test_a_batch_holds_at_most_500_products(fin: Finance):
    bank = await fin.new_bank()
    body = fin.product_body()
    too_many = {"items": [{**body, "external_ref": f"P-{i}"} for i in range(501)]}
    problem = assert_problem(await fin.http.post(BATCH, json=too_many, headers=bank.headers), 422)
    assert [e["field"] for e in problem["errors"]] == ["items"]
    assert await fin.bank_products(bank) == []
    assert_problem(await fin.http.post(BATCH, json=[body], headers=bank.headers), 422)  # an object, not a list
    empty = await fin.http.post(BATCH, json={"items": []}, headers=bank.headers)
    assert empty.status_code == 200 and empty.json()["items"] == []


async def test_a_loan_application_keeps_the_terms_it_applied_under(fin: Finance):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    ref = new_ref()
    body = fin.product_body(enterprise.town)
    product = (await put(fin, bank, ref, body)).json()
    first_need, second_need = await fin.post_need(enterprise), await fin.post_need(enterprise)

    applied = await fin.applied(enterprise, first_need["id"], product["id"])
    assert applied["product_version"] == 1
    assert applied["terms"]["annual_rate_pct_min"] == 3.5 and applied["terms"]["max_amount_yuan"] == 10_000_000
    assert applied["terms"]["towns"] == [enterprise.town] and applied["terms"]["name"] == body["name"]

    fin.kuaiban.clock.advance(hours=1)
    revised = await put(fin, bank, ref, {**body, "annual_rate_pct_min": 3.9, "annual_rate_pct_max": 5.9})
    assert revised.json()["version"] == 2, revised.text

    for headers in (enterprise.headers, bank.headers, ADMIN):
        kept = await fin.http.get(f"/finance/applications/{applied['id']}", headers=headers)
        assert kept.status_code == 200 and kept.json() == applied, kept.text
    later = await fin.applied(enterprise, second_need["id"], product["id"])
    assert later["product_version"] == 2 and later["terms"]["annual_rate_pct_min"] == 3.9
    listed = {a["id"]: a for a in await fin.collect("/finance/applications", bank.headers)}
    assert (
        listed[applied["id"]]["terms"]["annual_rate_pct_max"],
        listed[later["id"]]["terms"]["annual_rate_pct_max"],
    ) == (
        5.5,
        5.9,
    )
    approved = await fin.decide(bank.headers, applied["id"], "approve")
    assert approved.json()["terms"] == applied["terms"]  # a decision keeps them too


async def test_every_version_is_in_the_audit_trail(fin: Finance):
    bank = await fin.new_bank()
    ref = new_ref()
    product = (await put(fin, bank, ref, fin.product_body())).json()
    await put(fin, bank, ref, fin.product_body(annual_rate_pct_min=3.0))
    async with fin.kuaiban.runtimes["finance"].sessions() as session:
        mine = select(ProductVersion.id).where(ProductVersion.product_id == uuid.UUID(product["id"]))
        ids = {str(version_id) for version_id in (await session.exec(mine)).all()}
        stored = await session.get(Product, uuid.UUID(product["id"]))
    assert len(ids) == 2 and stored.version == 2
    trail = await fin.collect("/finance/audit", ADMIN, resource="product_version")
    assert {entry["resource_id"] for entry in trail if entry["change"] == "created"} >= ids


REFUSE_POISON = """
CREATE FUNCTION finance.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.name = '拒收贷' THEN
        RAISE EXCEPTION 'refused for the test' USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON finance.product
    FOR EACH ROW EXECUTE FUNCTION finance.refuse_poison();
"""


async def test_an_item_the_database_refuses_leaves_the_others_written(fin: Finance):
    """As when a concurrent sync takes a ref first: the batch is written again item by item, each in a
    savepoint of its own, and only the refused item is invalid. (The trigger lives in the test's transaction.)"""
    bank = await fin.new_bank()
    edited_ref, kept_ref, fresh_ref, poison_ref = new_ref(), new_ref(), new_ref(), new_ref()
    edited = (await put(fin, bank, edited_ref, fin.product_body())).json()
    kept_body = fin.product_body()
    await put(fin, bank, kept_ref, kept_body)
    await fin.kuaiban.connection.exec_driver_sql(REFUSE_POISON)

    items = [
        {**fin.product_body(), "external_ref": fresh_ref},
        {**fin.product_body(name="拒收贷"), "external_ref": poison_ref},
        {**fin.product_body(annual_rate_pct_min=3.0), "external_ref": edited_ref},
        {**kept_body, "external_ref": kept_ref},
    ]
    answer = await fin.http.post(BATCH, json={"items": items}, headers=bank.headers)
    assert answer.status_code == 200, answer.text
    results = answer.json()["items"]
    assert [r["result"] for r in results] == ["created", "invalid", "updated", "unchanged"]
    assert (results[1]["problem"]["status"], results[1]["problem"]["code"]) == (409, "conflict")
    assert results[2]["version"] == 2

    stored = await bank_products_by_ref(fin, bank)
    assert set(stored) == {fresh_ref, edited_ref, kept_ref}
    assert (stored[edited_ref]["version"], stored[edited_ref]["annual_rate_pct_min"]) == (2, 3.0)
    assert [number for number, _ in await versions(fin, edited["id"])] == [1, 2]  # the undone try left none
    assert [number for number, _ in await versions(fin, stored[fresh_ref]["id"])] == [1]


async def test_refs_that_look_like_the_other_product_paths_still_sync(fin: Finance):
    """`by-ref/{ref}` sits beside `{product_id}/leads`, `/near-misses` and `/withdraw`: the router tells them apart."""
    bank = await fin.new_bank()
    for ref in ("leads", "near-misses", "withdraw"):
        created = await put(fin, bank, ref, fin.product_body())
        assert created.status_code == 201 and created.json()["external_ref"] == ref, created.text
    products = await bank_products_by_ref(fin, bank)
    assert set(products) == {"leads", "near-misses", "withdraw"}
    leads = await fin.http.get(f"/finance/products/{products['leads']['id']}/leads", headers=bank.headers)
    assert leads.status_code == 200, leads.text
