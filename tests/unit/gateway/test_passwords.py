"""Password hashing at the configured cost."""

from gateway.passwords import Passwords


async def test_passwords_are_hashed_and_checked():
    passwords = Passwords(time_cost=1, memory_kib=1024)
    password_hash = await passwords.hash("long-enough-pw")
    assert password_hash != "long-enough-pw" and password_hash.startswith("$argon2")
    assert await passwords.matches(password_hash, "long-enough-pw")
    assert not await passwords.matches(password_hash, "another-password")
    assert not await passwords.matches("not-a-hash", "long-enough-pw")
    await passwords.spend_equal_time("whatever")  # an unknown username costs a check too


def test_the_cost_is_the_configured_one():
    hashed = Passwords(time_cost=2, memory_kib=2048)._hasher.hash("pw")
    assert "m=2048,t=2," in hashed
