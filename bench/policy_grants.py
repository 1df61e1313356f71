"""Granting without applying (免申即享) at county scale: publishing an `auto` policy to every enterprise that fits.

Issue 16 asks that publishing an auto policy to 100,000 enterprises take seconds, not minutes. A fresh, migrated
database (embedded PostgreSQL in a temporary folder, or a new `kuaiban_bench_<hex>` database when
`KUAIBAN_DATABASE_URL` names a server; removed on exit unless `--keep`) gets `--enterprises` profiles (default
100,000) in finance's copy, `finance.enterprise_profile`, by COPY: deterministic for `--seed`, in the county's
towns, industries weighted toward manufacturing (C), revenue and headcount spread over orders of magnitude (some
not on record), credit ratings A–D, ~10 % key enterprises, ~8 % tagged 专精特新, founded 1995–2025. Then, for
each of two policies:

- targeted: manufacturers (C) tagged 专精特新 in four towns, 1.5 % of annual revenue capped at 500,000 yuan
  (a rate: enterprises without revenue on record get nothing);
- broad: every enterprise rated A or B, 20,000 yuan each (most enterprises: the largest grant count);

(a) the service: a draft is created, then `services.finance.service.policies.publish(...)` runs in-process in
one session as an admin's request would (the call bound for the audit trail), and commits. Timed: publish (the
policy's checks, then `grants.grant_without_applying`: one INSERT … SELECT writing the grants, their outbox
timeline messages, and by trigger their audit rows) and the commit;

(b) the reference, the row-by-row way: a second draft with the same rules in a series of its own (grants are
unique per series and enterprise), published by reading every profile through the ORM as intake's
`EnterpriseProfile`, deciding each with `domain.policy_outcome` in Python, and adding each grant and its
timeline message (`intake.contract.timeline_message`) to the session (`add_all`, flush, commit). Above
`--reference-enterprises` profiles it reads only the first that many (by id) and its time is scaled to all of
them, as the output says.

Then it checks that both granted exactly the same enterprises the same amounts with the same timeline words,
one message per grant (it fails, exit status 1, when they do not), prints a table (enterprises, grants, outbox
messages, audit rows, seconds, grants/s, the reference's seconds and the ratio) and the load average, and
writes `bench/results/policy_grants-<timestamp>.json`.

Run: `.venv/bin/python bench/policy_grants.py` (defaults: `--enterprises 100000`; about a minute on two cores),
`--smoke` for a few seconds' run on 2,000 enterprises, `--keep` to keep the database for inspection.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import random
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlmodel import select  # noqa: E402

from bench.common import (  # noqa: E402
    BenchError,
    database,
    git_commit,
    guarded,
    load_average,
    load_text,
    stop_on_sigterm,
    temp_workdir,
    write_results,
)
from launcher.system import libpq_url, migrate  # noqa: E402
from services.common.audit import Call, bind_call  # noqa: E402
from services.common.auth import Principal, Role  # noqa: E402
from services.common.calendar import cst_date  # noqa: E402
from services.common.db import Sessions, create_engine, create_sessionmaker  # noqa: E402
from services.common.models import utcnow  # noqa: E402
from services.common.settings import Settings  # noqa: E402
from services.finance import domain  # noqa: E402
from services.finance.domain import GrantStatus, PolicyStatus  # noqa: E402
from services.finance.models import EnterpriseProfileCopy, FinanceOutbox, Policy, PolicyGrant  # noqa: E402
from services.finance.schemas import PolicyCreate  # noqa: E402
from services.finance.service import policies  # noqa: E402
from services.intake.contract import EnterpriseProfile, timeline_message  # noqa: E402
from services.intake.uscc import ALPHABET, check_character  # noqa: E402

TARGET_S = 60.0  # "seconds, not minutes"
SMOKE_ENTERPRISES = 2_000
DEFAULT_REFERENCE_ENTERPRISES = 100_000  # the reference reads at most this many profiles, then its time is scaled
PUBLISH_ACTION = "POST /finance/policies/{policy_id}/publish"

# The county's towns (and its development zone), as often as enterprises are registered in them.
TOWNS = {
    "濉溪镇": 24, "濉溪经济开发区": 14, "韩村镇": 8, "刘桥镇": 8, "百善镇": 7, "临涣镇": 7,
    "南坪镇": 6, "五沟镇": 6, "孙疃镇": 5, "铁佛镇": 5, "四铺镇": 5, "双堆集镇": 5,
}  # fmt: skip
# GB/T 4754 sections, weighted toward manufacturing (C), then trade (F), agriculture (A) and construction (E).
SECTIONS = {
    "A": 10, "B": 1, "C": 34, "D": 1, "E": 9, "F": 17, "G": 5, "H": 6, "I": 3, "J": 0.5,
    "K": 2, "L": 4, "M": 3, "N": 1, "O": 2, "P": 0.5, "Q": 0.5, "R": 1, "S": 0.2,
}  # fmt: skip
TRADES = {
    "A": ["生态农业", "农业科技", "畜牧养殖", "种植专业"],
    "B": ["矿业"],
    "C": ["机械制造", "新材料", "食品", "酒业", "纺织", "电子科技", "化工", "建材", "装备制造", "塑业"],
    "D": ["能源"],
    "E": ["建筑工程", "建设工程", "装饰工程"],
    "F": ["商贸", "农资", "百货", "建材贸易"],
    "G": ["物流", "运输"],
    "H": ["餐饮管理", "酒店管理"],
    "I": ["信息技术", "网络科技"],
    "J": ["投资"],
    "K": ["置业", "物业管理"],
    "L": ["商务服务", "企业管理"],
    "M": ["技术服务", "检测"],
    "N": ["环境治理"],
    "O": ["家政服务", "汽车维修"],
    "P": ["教育咨询"],
    "Q": ["医疗科技"],
    "R": ["文化传媒"],
    "S": ["社会服务"],
}
BRANDS = "恒盛鑫华泰源达宏丰隆金瑞通嘉安兴德润弘诚淮濉临汇昌宇振永新"
RATINGS = {"A": 22, "B": 46, "C": 24, "D": 8}
TAGS = {"专精特新": 0.08, "高新技术企业": 0.06, "科技型中小企业": 0.12}
FOUNDED_FROM, FOUNDED_TO = date(1995, 1, 1), date(2025, 12, 31)

PROFILE_COLUMNS = (
    "id", "uscc", "name", "industry", "town", "established_on", "employees", "annual_revenue_yuan",
    "credit_rating", "key_enterprise", "tags", "revision", "event_id", "synced_at",
)  # fmt: skip
PROFILE_TYPES = (
    "uuid", "varchar", "varchar", "varchar", "varchar", "date", "int4", "int8",
    "varchar", "bool", "varchar[]", "int4", "uuid", "timestamptz",
)  # fmt: skip

POLICIES: dict[str, dict[str, Any]] = {
    "targeted": {
        "label": "专精特新 manufacturers in 4 towns, 1.5 % of revenue ≤ 500,000",
        "title": "专精特新制造业企业营收奖补",
        "legal_basis": "濉溪县促进制造业高质量发展若干政策（2026）第五条",
        "eligibility": {
            "industries": ["C"],
            "towns": ["濉溪经济开发区", "濉溪镇", "韩村镇", "刘桥镇"],
            "tags": ["专精特新"],
        },
        "benefit": {"kind": "rate", "rate_pct": 1.5, "cap_yuan": 500_000},
    },
    "broad": {
        "label": "credit rating A or B, 20,000 each",
        "title": "守信企业稳岗纾困补贴",
        "legal_basis": "濉溪县关于支持中小微企业纾困发展的若干措施（2026）第二条",
        "eligibility": {"credit_ratings": ["A", "B"]},
        "benefit": {"kind": "fixed", "amount_yuan": 20_000},
    },
}


# --- data ----------------------------------------------------------------------------------------


def profiles(count: int, *, seed: int, synced_at: datetime) -> list[tuple]:
    """`count` realistic, deterministic profile rows, in PROFILE_COLUMNS order."""
    rng = random.Random(seed)
    towns, town_weights = list(TOWNS), list(TOWNS.values())
    sections, section_weights = list(SECTIONS), list(SECTIONS.values())
    ratings, rating_weights = list(RATINGS), list(RATINGS.values())
    span = (FOUNDED_TO - FOUNDED_FROM).days
    rows = []
    for _ in range(count):
        section = rng.choices(sections, weights=section_weights)[0]
        body = "91340621" + "".join(rng.choice(ALPHABET) for _ in range(9))
        name = f"濉溪县{rng.choice(BRANDS)}{rng.choice(BRANDS)}{rng.choice(TRADES[section])}有限公司"
        # Younger enterprises are more numerous: the founding day leans toward the end of the span.
        founded = FOUNDED_FROM + timedelta(days=int(rng.random() ** 0.7 * span))
        # Headcount 1–3,000 and revenue 30万–3亿 yuan, log-spread and leaning small; some not on record. Revenue to
        # the 100 yuan: 1.5 % of an odd hundred ends in .5, so the rate policy checks the rounding (half up) too.
        employees = None if rng.random() < 0.12 else max(1, round(3000 ** (rng.random() ** 1.4)))
        revenue = None if rng.random() < 0.10 else int(round(300_000 * 1000 ** (rng.random() ** 1.3), -2))
        tags = [tag for tag, share in TAGS.items() if rng.random() < share]
        rows.append(
            (
                uuid.UUID(int=rng.getrandbits(128), version=4),
                body + check_character(body),
                name,
                section,
                rng.choices(towns, weights=town_weights)[0],
                founded,
                employees,
                revenue,
                rng.choices(ratings, weights=rating_weights)[0],
                rng.random() < 0.10,
                tags,
                1,
                None,
                synced_at,
            )
        )
    return rows


def seed(dsn: str, rows: list[tuple]) -> dict[str, float]:
    """COPY the rows into finance.enterprise_profile, then VACUUM ANALYZE it; seconds per step."""
    timings: dict[str, float] = {}
    with psycopg.connect(dsn, autocommit=True) as conn:
        started = time.perf_counter()
        with conn.cursor() as cursor:
            statement = f"COPY finance.enterprise_profile ({', '.join(PROFILE_COLUMNS)}) FROM STDIN"
            with cursor.copy(statement) as copy:
                copy.set_types(list(PROFILE_TYPES))
                for row in rows:
                    copy.write_row(row)
        timings["copy_s"] = time.perf_counter() - started
        started = time.perf_counter()
        conn.execute("VACUUM (ANALYZE) finance.enterprise_profile")
        timings["vacuum_analyze_s"] = time.perf_counter() - started
    return timings


def shape(dsn: str) -> dict[str, Any]:
    """What the seeded enterprises look like (shares in per cent), to show the data is what it claims."""
    with psycopg.connect(dsn) as conn:
        [(total, manufacturers, tagged, key, rated_ab, no_revenue, no_employees, size)] = conn.execute(
            """
            SELECT count(*), count(*) FILTER (WHERE industry = 'C'), count(*) FILTER (WHERE '专精特新' = ANY(tags)),
                   count(*) FILTER (WHERE key_enterprise), count(*) FILTER (WHERE credit_rating IN ('A', 'B')),
                   count(*) FILTER (WHERE annual_revenue_yuan IS NULL), count(*) FILTER (WHERE employees IS NULL),
                   pg_total_relation_size('finance.enterprise_profile')
            FROM finance.enterprise_profile
            """
        ).fetchall()

    def pct(n: int) -> float:
        return round(100 * n / total, 1) if total else 0.0

    return {
        "enterprises": total,
        "manufacturing_pct": pct(manufacturers),
        "tagged_专精特新_pct": pct(tagged),
        "key_enterprise_pct": pct(key),
        "rated_a_or_b_pct": pct(rated_ab),
        "revenue_missing_pct": pct(no_revenue),
        "employees_missing_pct": pct(no_employees),
        "table_mib": round(size / 1_048_576, 1),
    }


# --- the two ways of publishing ------------------------------------------------------------------


def bind_publish(session: Any, principal: Principal) -> None:
    """Record the changes as the admin's publish request, as the unit of work does for a request."""
    bind_call(session, Call(actor=principal.username, role=principal.role.value, action=PUBLISH_ACTION))


async def draft(sessions: Sessions, spec: dict[str, Any], principal: Principal) -> Policy:
    """A draft `auto` policy of `spec`'s rules, in force from today (committed; not timed)."""
    now = utcnow()
    data = PolicyCreate.model_validate(
        {
            "title": spec["title"],
            "department": "development_reform",
            "legal_basis": spec["legal_basis"],
            "valid_from": cst_date(now).isoformat(),
            "mode": "auto",
            "eligibility": spec["eligibility"],
            "benefit": spec["benefit"],
        }
    )
    async with sessions() as session:
        row = await policies.create_policy(session, data=data, principal=principal, now=now)
        await session.commit()
    return row


def audit_rows(dsn: str) -> int:
    """Rows in finance's audit trail (a grant's trigger writes one per grant)."""
    with psycopg.connect(dsn) as conn:
        [(count,)] = conn.execute("SELECT count(*) FROM finance.audit_log").fetchall()
    return count


async def publish_set_based(sessions: Sessions, row: Policy, principal: Principal) -> dict[str, float]:
    """The service's own publish (its set-based grant pass) and the commit, timed."""
    async with sessions() as session:
        bind_publish(session, principal)
        started = time.perf_counter()
        await policies.publish(session, policy_id=row.id, principal=principal, now=utcnow())
        published = time.perf_counter()
        await session.commit()
        done = time.perf_counter()
    return {"publish_s": published - started, "commit_s": done - published, "seconds": done - started}


async def publish_row_by_row(
    sessions: Sessions, row: Policy, principal: Principal, *, limit: int | None
) -> dict[str, float]:
    """The naive publish: every profile (or the first `limit` by id) read through the ORM, decided in Python,
    and each grant and its timeline message added to the session; timed to the commit."""
    async with sessions() as session:
        bind_publish(session, principal)
        now = utcnow()
        started = time.perf_counter()
        locked = select(Policy).where(Policy.id == row.id).with_for_update()
        policy = (await session.exec(locked)).one()
        policy.status, policy.published_at, policy.updated_at = PolicyStatus.published, now, now
        session.add(policy)
        query = select(EnterpriseProfileCopy).order_by(EnterpriseProfileCopy.id)  # type: ignore[arg-type]
        if limit is not None:
            query = query.limit(limit)
        copies = (await session.exec(query)).all()
        held = select(PolicyGrant.enterprise_id).where(PolicyGrant.series_id == policy.series_id)
        already = set((await session.exec(held)).all())
        read = time.perf_counter()
        added: list[Any] = []
        for copy in copies:
            profile = EnterpriseProfile.model_validate(copy)
            failures, amount = domain.policy_outcome(policy.eligibility, policy.benefit, profile)
            if failures or profile.id in already:
                continue
            assert amount is not None
            grant = PolicyGrant(
                policy_id=policy.id,
                series_id=policy.series_id,
                enterprise_id=profile.id,
                amount_yuan=amount,
                applied=False,
                status=GrantStatus.granted,
                granted_at=now,
                created_at=now,
                updated_at=now,
            )
            kind, summary = domain.granted_event(policy.title, amount, applied=False)
            message = timeline_message(
                FinanceOutbox,
                sender="finance",
                enterprise_id=profile.id,
                kind=kind,
                ref_id=grant.id,
                summary=summary,
                at=now,
            )
            added += (grant, message)
        session.add_all(added)
        decided = time.perf_counter()
        await session.flush()
        flushed = time.perf_counter()
        await session.commit()
        done = time.perf_counter()
    return {
        "enterprises_read": len(copies),
        "read_s": read - started,
        "decide_s": decided - read,
        "flush_s": flushed - decided,
        "commit_s": done - flushed,
        "seconds": done - started,
    }


GRANTED_SQL = """
SELECT g.enterprise_id, g.amount_yuan, g.applied, g.status, count(o.id),
       min(o.payload ->> 'summary'), min(o.payload ->> 'kind'), min(o.payload ->> 'at'), min(o.payload ->> 'service')
FROM finance.policy_grant g
LEFT JOIN finance.outbox o ON o.payload ->> 'ref_id' = g.id::text
WHERE g.series_id = %(series_id)s
GROUP BY g.id
"""


def granted(dsn: str, series_id: uuid.UUID) -> dict[uuid.UUID, tuple]:
    """Enterprise -> (amount, applied, status, messages, summary, kind, at, service) of the series' grants."""
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(GRANTED_SQL, {"series_id": series_id}).fetchall()
    return {
        r[0]: (r[1], r[2], r[3], r[4], r[5], r[6], datetime.fromisoformat(r[7]) if r[7] else None, r[8]) for r in rows
    }


def first_ids(dsn: str, limit: int) -> set[uuid.UUID]:
    with psycopg.connect(dsn) as conn:
        rows = conn.execute("SELECT id FROM finance.enterprise_profile ORDER BY id LIMIT %s", (limit,)).fetchall()
    return {r[0] for r in rows}


def compare(set_based: dict[uuid.UUID, tuple], reference: dict[uuid.UUID, tuple], subset: set | None) -> list[str]:
    """What differs between the two passes (on the reference's enterprises when it read a subset); empty: none."""
    expected = set_based if subset is None else {k: v for k, v in set_based.items() if k in subset}
    problems = []
    if only := expected.keys() - reference.keys():
        problems.append(f"{len(only)} enterprises granted only by the service, e.g. {sorted(only)[:3]}")
    if only := reference.keys() - expected.keys():
        problems.append(f"{len(only)} enterprises granted only by the reference, e.g. {sorted(only)[:3]}")
    names = ("amount", "applied", "status", "messages", "summary", "kind", "at", "service")
    for enterprise_id in sorted(expected.keys() & reference.keys()):
        ours, theirs = expected[enterprise_id], reference[enterprise_id]
        # The two passes ran at different instants: everything but the time must be equal, and a time be there.
        differing = [
            n for n, a, b in zip(names, ours, theirs, strict=True) if (a != b if n != "at" else a is None or b is None)
        ]
        if differing:
            problems.append(f"enterprise {enterprise_id} differs in {differing}: {ours} vs {theirs}")
        if len(problems) >= 10:
            break
    for label, grants_ in (("service", expected), ("reference", reference)):
        if wrong := [k for k, v in grants_.items() if v[3] != 1]:
            problems.append(f"{len(wrong)} grants of the {label} without exactly one timeline message")
    return problems


# --- the run -------------------------------------------------------------------------------------


async def measure(url: str, dsn: str, *, enterprises: int, reference_limit: int | None) -> dict[str, Any]:
    engine = create_engine(Settings(database_url=url, jwt_secret="x" * 40), application_name="bench")
    sessions = create_sessionmaker(engine)
    admin = Principal(subject=str(uuid.uuid4()), username="bench-admin", role=Role.admin)
    subset = first_ids(dsn, reference_limit) if reference_limit is not None else None
    results: dict[str, Any] = {}
    try:
        # Untimed warm-up: a connection, the statements compiled, the policy tables touched; it fits nobody.
        warm = {**POLICIES["targeted"], "title": "预热", "eligibility": {"tags": ["无此资质"]}}
        await publish_set_based(sessions, await draft(sessions, warm, admin), admin)
        for name, spec in POLICIES.items():
            print(f"{name}: {spec['label']}", flush=True)
            row = await draft(sessions, spec, admin)
            audited = audit_rows(dsn)
            service = await publish_set_based(sessions, row, admin)
            service["audit_rows"] = audit_rows(dsn) - audited
            ours = granted(dsn, row.series_id)
            service["grants"] = len(ours)
            if not ours:
                raise BenchError(f"the {name} policy granted nothing: the generated data does not exercise it")
            service["outbox_messages"] = sum(v[3] for v in ours.values())
            service["amount_yuan"] = sum(v[0] for v in ours.values())
            service["grants_per_s"] = len(ours) / service["seconds"]
            print(
                f"  service:   {len(ours):,} grants in {service['seconds']:.2f} s"
                f" (publish {service['publish_s']:.2f} s, commit {service['commit_s']:.2f} s)",
                flush=True,
            )
            twin = await draft(sessions, spec, admin)
            reference = await publish_row_by_row(sessions, twin, admin, limit=reference_limit)
            theirs = granted(dsn, twin.series_id)
            reference["grants"] = len(theirs)
            reference["outbox_messages"] = sum(v[3] for v in theirs.values())
            scale = enterprises / reference["enterprises_read"] if reference["enterprises_read"] else 1.0
            reference["scaled_to_all"] = scale != 1.0
            reference["seconds_for_all"] = reference["seconds"] * scale
            read = f"{reference['enterprises_read']:,} enterprises"
            scaled = f", {reference['seconds_for_all']:.1f} s scaled to {enterprises:,}" if scale != 1.0 else ""
            print(
                f"  reference: {len(theirs):,} grants of {read} in {reference['seconds']:.2f} s{scaled}"
                f" (read {reference['read_s']:.2f} s, decide {reference['decide_s']:.2f} s,"
                f" flush {reference['flush_s']:.2f} s, commit {reference['commit_s']:.2f} s)",
                flush=True,
            )
            results[name] = {
                "policy": {k: spec[k] for k in ("title", "eligibility", "benefit")},
                "service": service,
                "reference": reference,
                "ratio": reference["seconds_for_all"] / service["seconds"],
                "mismatches": compare(ours, theirs, subset),
            }
    finally:
        await engine.dispose()
    return results


def report(measured: dict[str, Any], *, enterprises: int) -> None:
    header = (
        f"{'policy':<9} {'enterprises':>11} {'grants':>8} {'outbox':>8} {'audit':>8} {'service s':>10}"
        f" {'grants/s':>9} {'reference s':>12} {'ratio':>7}"
    )
    print(f"\n{header}")
    for name, m in measured.items():
        s, r = m["service"], m["reference"]
        mark = "*" if r["scaled_to_all"] else " "
        print(
            f"{name:<9} {enterprises:>11,} {s['grants']:>8,} {s['outbox_messages']:>8,} {s['audit_rows']:>8,}"
            f" {s['seconds']:>10.2f} {s['grants_per_s']:>9,.0f} {r['seconds_for_all']:>11.1f}{mark} x{m['ratio']:>5.1f}"
        )
    if any(m["reference"]["scaled_to_all"] for m in measured.values()):
        read = next(iter(measured.values()))["reference"]["enterprises_read"]
        print(f"* the reference read the first {read:,} enterprises (by id); its time is scaled to {enterprises:,}")
    print("service s: publish + commit in one transaction; ratio: reference seconds / service seconds")
    slowest = max(m["service"]["seconds"] for m in measured.values())
    verdict = "met" if slowest < TARGET_S else "MISSED"
    print(
        f"target: {enterprises:,} enterprises in seconds, not minutes (< {TARGET_S:g} s): {verdict} ({slowest:.2f} s)"
    )
    for name, m in measured.items():
        same = "identical" if not m["mismatches"] else f"{len(m['mismatches'])} DIFFERENCES: {m['mismatches'][:3]}"
        print(f"{name}: service vs reference (enterprises, amounts, timeline words, one message each): {same}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--enterprises", type=int, default=100_000, help="enterprise profiles (default 100000)")
    parser.add_argument(
        "--reference-enterprises",
        type=int,
        default=DEFAULT_REFERENCE_ENTERPRISES,
        help=f"profiles the row-by-row reference reads at most; its time is scaled above (default "
        f"{DEFAULT_REFERENCE_ENTERPRISES})",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated profiles (default 1)")
    parser.add_argument("--smoke", action="store_true", help=f"a quick run on {SMOKE_ENTERPRISES:,} enterprises")
    parser.add_argument("--keep", action="store_true", help="keep the database (and embedded server) for inspection")
    args = parser.parse_args()
    if args.smoke:
        args.enterprises = SMOKE_ENTERPRISES
    if args.enterprises < 1 or args.reference_enterprises < 1:
        parser.error("--enterprises and --reference-enterprises must be at least 1")
    return args


def main() -> int:
    args = parse_args()
    stop_on_sigterm()
    started = time.strftime("%Y%m%d-%H%M%S")
    loads = {"before": load_average(show_all=True)}
    reference_limit = args.reference_enterprises if args.reference_enterprises < args.enterprises else None
    stopping = "stopping PostgreSQL ..." if not args.keep else "keeping the database ..."
    with contextlib.ExitStack() as stack, guarded(stopping):
        workdir = temp_workdir(stack, keep=args.keep)
        url = stack.enter_context(database(workdir, keep=args.keep))
        dsn = libpq_url(url)
        print("migrating ...", flush=True)
        migrate(url)
        print(f"generating {args.enterprises:,} enterprise profiles (seed {args.seed}) ...", flush=True)
        generated = time.perf_counter()
        rows = profiles(args.enterprises, seed=args.seed, synced_at=utcnow())
        seeding = {"generate_s": time.perf_counter() - generated, **seed(dsn, rows)}
        del rows
        facts = shape(dsn)
        print(
            "  " + ", ".join(f"{k[:-2]} {v:.1f} s" for k, v in seeding.items()) + "; "
            + ", ".join(f"{k.removesuffix('_pct')} {v} %" for k, v in facts.items() if k.endswith("_pct")),
            flush=True,
        )  # fmt: skip
        loads["after_seeding"] = os.getloadavg()
        measured = asyncio.run(measure(url, dsn, enterprises=args.enterprises, reference_limit=reference_limit))
        loads["after_measurement"] = os.getloadavg()

    report(measured, enterprises=args.enterprises)
    print("load average (1/5/15 min): " + "; ".join(f"{k} {load_text(v)}" for k, v in loads.items()))
    document = {
        "kind": "policy_grants",
        "started_at": started,
        "settings": {
            "enterprises": args.enterprises,
            "reference_enterprises": reference_limit or args.enterprises,
            "seed": args.seed,
            "target_s": TARGET_S,
        },
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "commit": git_commit(),
            "load_average": {k: [round(x, 2) for x in v] for k, v in loads.items()},
        },
        "seeding_seconds": {k: round(v, 3) for k, v in seeding.items()},
        "data": facts,
        "policies": {
            name: {
                **{k: v for k, v in m.items() if k != "mismatches"},
                "service": {k: round(v, 4) if isinstance(v, float) else v for k, v in m["service"].items()},
                "reference": {k: round(v, 4) if isinstance(v, float) else v for k, v in m["reference"].items()},
                "ratio": round(m["ratio"], 2),
            }
            for name, m in measured.items()
        },
        "mismatches": {name: m["mismatches"] for name, m in measured.items()},
    }
    write_results("policy_grants", started, document)
    if any(m["mismatches"] for m in measured.values()):
        print(
            "\nFAILED: the service and the row-by-row reference granted differently (see mismatches)", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
