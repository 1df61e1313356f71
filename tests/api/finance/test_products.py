"""Banks and loan products in process: registering banks, idempotent product posts, lists with filters,
withdrawal, the bank look-up other services make, and the demo catalog `make run` seeds."""

import dataclasses
import uuid

from sqlalchemy import func
from sqlmodel import select

from services.finance import app as finance_app
from services.finance import catalog
from services.finance.contract import BankRef, FinanceClient
from services.finance.models import Bank, Product
from services.finance.service import banks
from tests.api.finance._support import ADMIN, OFFICER, Finance
from tests.helpers.factories import headers_for, unique_name
from tests.helpers.problems import assert_problem


async def test_a_retried_product_post_creates_one_product(fin: Finance):
    bank = await fin.new_bank()
    body = fin.product_body()
    headers = {**bank.headers, "Idempotency-Key": f"product-{uuid.uuid4()}"}
    first = await fin.http.post("/finance/products", json=body, headers=headers)
    again = await fin.http.post("/finance/products", json=body, headers=headers)
    assert first.status_code == again.status_code == 201, (first.text, again.text)
    assert first.json() == again.json()
    assert again.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
    assert [p["id"] for p in await fin.bank_products(bank)] == [first.json()["id"]]

    different = await fin.http.post("/finance/products", json={**body, "annual_rate_pct_min": 3.6}, headers=headers)
    assert_problem(different, 422)
    assert [p["id"] for p in await fin.bank_products(bank)] == [first.json()["id"]]

    without_key = await fin.http.post("/finance/products", json=body, headers=bank.headers)
    assert without_key.status_code == 201 and without_key.json()["id"] != first.json()["id"]
    assert len(await fin.bank_products(bank)) == 2  # the key is what makes a retry safe


async def test_products_are_listed_with_filters(fin: Finance):
    bank = await fin.new_bank()
    kept = await fin.post_product(bank)
    fin.kuaiban.clock.advance(minutes=1)
    gone = await fin.post_product(bank)
    fin.kuaiban.clock.advance(minutes=1)
    withdrawn = await fin.withdraw(bank, gone["id"])
    for key in ("id", "created_at", "updated_at"):
        assert kept[key]
    assert kept["created_at"].endswith("Z")
    assert withdrawn["created_at"] == gone["created_at"] and withdrawn["updated_at"] > gone["updated_at"]
    enterprise = await fin.new_enterprise()
    by_status = {
        status: [
            p["id"] for p in await fin.collect("/finance/products", enterprise.headers, bank_id=bank.id, status=status)
        ]
        for status in ("active", "withdrawn")
    }
    assert by_status == {"active": [kept["id"]], "withdrawn": [gone["id"]]}
    newest_first = await fin.collect("/finance/products", enterprise.headers, bank_id=bank.id)
    assert [p["id"] for p in newest_first] == [gone["id"], kept["id"]]
    paged = await fin.http.get("/finance/products", params={"bank_id": bank.id, "limit": 1}, headers=OFFICER)
    assert [p["id"] for p in paged.json()["items"]] == [gone["id"]] and paged.json()["next_cursor"]
    rest = await fin.http.get(
        "/finance/products",
        params={"bank_id": bank.id, "limit": 1, "cursor": paged.json()["next_cursor"]},
        headers=OFFICER,
    )
    assert [p["id"] for p in rest.json()["items"]] == [kept["id"]] and rest.json()["next_cursor"] is None
    assert_problem(
        await fin.http.get("/finance/products", params={"status": "paused"}, headers=enterprise.headers), 422
    )
    assert_problem(await fin.http.get("/finance/products", params={"cursor": "not-ours"}, headers=OFFICER), 422)


async def test_a_product_is_withdrawn_once_and_by_its_own_bank_only(fin: Finance):
    bank, rival = await fin.new_bank(), await fin.new_bank("中国建设银行濉溪支行")
    product = await fin.post_product(bank)
    assert_problem(await fin.http.post(f"/finance/products/{product['id']}/withdraw", headers=rival.headers), 404)
    assert_problem(await fin.http.post(f"/finance/products/{uuid.uuid4()}/withdraw", headers=bank.headers), 404)
    await fin.withdraw(bank, product["id"])
    assert_problem(await fin.http.post(f"/finance/products/{product['id']}/withdraw", headers=bank.headers), 409)
    assert [p["status"] for p in await fin.bank_products(bank)] == ["withdrawn"]


async def test_banks_are_registered_once_per_code_and_listed(fin: Finance):
    first = await fin.new_bank("濉溪农村商业银行")
    fin.kuaiban.clock.advance(seconds=1)
    second = await fin.new_bank("徽商银行濉溪支行")
    listed = await fin.collect("/finance/banks", OFFICER)
    positions = [b["id"] for b in listed]
    assert positions.index(second.id) < positions.index(first.id)  # newest first
    one = await fin.http.get("/finance/banks", params={"limit": 1}, headers=first.headers)
    assert len(one.json()["items"]) == 1 and one.json()["next_cursor"]

    again = await fin.http.post("/finance/banks", json={"code": first.code, "name": "另一家"}, headers=ADMIN)
    problem = assert_problem(again, 409)
    assert first.code in problem["detail"]
    assert_problem(await fin.http.get(f"/finance/banks/{uuid.uuid4()}", headers=ADMIN), 404)


async def test_a_bank_account_without_a_registered_bank_posts_no_product(fin: Finance):
    orphan = headers_for("bank", bank_id=str(uuid.uuid4()))
    assert_problem(await fin.http.post("/finance/products", json=fin.product_body(), headers=orphan), 404)


async def test_other_services_look_banks_up_on_the_internal_path(fin: Finance):
    bank = await fin.new_bank("淮北农村商业银行濉溪支行")
    internal = headers_for("internal", username="gateway")
    found = await fin.http.get(f"/internal/finance/banks/{bank.id}", headers=internal)
    assert found.status_code == 200, found.text
    assert found.json() == {"id": bank.id, "code": bank.code, "name": "淮北农村商业银行濉溪支行"}
    assert_problem(await fin.http.get(f"/internal/finance/banks/{uuid.uuid4()}", headers=internal), 404)
    for outsider in (ADMIN, bank.headers):
        assert_problem(await fin.http.get(f"/internal/finance/banks/{bank.id}", headers=outsider), 403)

    # The typed client the gateway holds, over the in-process transport.
    client = FinanceClient(fin.kuaiban.runtimes["gateway"].internal)
    assert await client.bank(uuid.UUID(bank.id)) == BankRef(id=bank.id, code=bank.code, name=bank.name)
    assert await client.bank(uuid.uuid4()) is None


async def test_the_demo_catalog_is_seeded_once(fin: Finance):
    runtime = fin.kuaiban.runtimes["finance"]
    demo = catalog.banks()
    codes = [code for code, _ in demo]
    async with runtime.sessions.begin() as session:
        present = set((await session.exec(select(Bank.code).where(Bank.code.in_(codes)))).all())
    seeded = dataclasses.replace(runtime, settings=runtime.settings.model_copy(update={"seed_demo": True}))
    async with finance_app.seed_demo(seeded):
        pass
    async with runtime.sessions.begin() as session:
        assert await banks.seed(session, catalog=demo, now=fin.kuaiban.clock.now) == 0  # replicas seed safely
        rows = (await session.exec(select(Bank).where(Bank.code.in_(codes)))).all()
        counts = dict(
            (
                await session.exec(
                    select(Product.bank_id, func.count())
                    .where(Product.bank_id.in_([b.id for b in rows]))
                    .group_by(Product.bank_id)
                )
            ).all()
        )
    assert {bank.code for bank in rows} == set(codes)
    for bank in rows:
        if bank.code not in present:
            assert counts[bank.id] == len(demo[(bank.code, bank.name)])
            assert bank.created_at == fin.kuaiban.clock.now  # seeded on the clock, like every create
    listed = await fin.collect("/finance/products", OFFICER, status="active")
    names = {p["name"] for p in listed}
    assert {product.name for products in demo.values() for product in products} <= names
    assert_problem(
        await fin.http.post("/finance/banks", json={"code": codes[0], "name": unique_name("x")}, headers=ADMIN), 409
    )
