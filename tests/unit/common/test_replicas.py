"""Replicas of a service taken in turn, a refusing one set behind the others for a while."""

import time

from services.common.internal import Replicas


def test_replicas_are_taken_in_turn():
    replicas = Replicas(["a", "b", "c"])
    assert [replicas.order()[0] for _ in range(6)] == ["a", "b", "c", "a", "b", "c"]
    assert sorted(replicas.order()) == ["a", "b", "c"]  # every one, for the failover


def test_a_refusing_replica_rests_behind_the_others_then_comes_back(monkeypatch):
    replicas = Replicas(["a", "b"])
    replicas.refused("a")
    assert all(replicas.order()[-1] == "a" for _ in range(4))
    later = time.monotonic() + Replicas.REST_SECONDS + 1
    monkeypatch.setattr(time, "monotonic", lambda: later)
    assert {replicas.order()[0] for _ in range(2)} == {"a", "b"}
    replicas.answered("a")
    assert Replicas(["only"]).order() == ["only"]
