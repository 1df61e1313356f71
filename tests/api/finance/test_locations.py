"""A loan product is found where its 201 says (`Location`), by any caller, as the list shows it."""

import uuid

from tests.api.finance._support import ADMIN, OFFICER, Finance
from tests.helpers.problems import assert_problem


async def test_a_posted_product_is_where_location_says_for_every_caller(fin: Finance):
    bank, other_bank, enterprise = (
        await fin.new_bank(),
        await fin.new_bank("濉溪农村商业银行"),
        await fin.new_enterprise(),
    )
    created = await fin.http.post("/finance/products", json=fin.product_body(), headers=bank.headers)
    assert created.status_code == 201, created.text
    product = created.json()
    assert created.headers["location"] == f"/finance/products/{product['id']}"
    for caller in (bank.headers, other_bank.headers, enterprise.headers, ADMIN, OFFICER):
        fetched = await fin.http.get(created.headers["location"], headers=caller)
        assert fetched.status_code == 200, fetched.text
        assert fetched.json() == product
    assert [p for p in await fin.bank_products(bank) if p["id"] == product["id"]] == [product]
    assert_problem(await fin.http.get(created.headers["location"]), 401)


async def test_a_withdrawn_product_is_still_found_and_an_unknown_one_is_404(fin: Finance):
    bank = await fin.new_bank()
    posted = await fin.post_product(bank)
    fin.kuaiban.clock.advance(minutes=5)
    withdrawn = await fin.withdraw(bank, posted["id"])
    fetched = await fin.http.get(f"/finance/products/{withdrawn['id']}", headers=ADMIN)
    assert fetched.status_code == 200 and fetched.json() == withdrawn
    assert_problem(await fin.http.get(f"/finance/products/{uuid.uuid4()}", headers=ADMIN), 404)
    refused = assert_problem(await fin.http.get("/finance/products/not-a-uuid", headers=ADMIN), 422)
    assert refused["errors"][0]["field"] == "product_id"
