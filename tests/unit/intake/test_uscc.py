"""Unified social credit codes (GB 32100-2015): real codes pass, each kind of bad code says why."""

import pytest

from services.intake.uscc import ALPHABET, check_character, uscc_error


@pytest.mark.parametrize("code", ["91350100M000100Y43", "91110000100006134A", "12100000400000624D"])
def test_real_uscc_codes_pass(code: str):
    assert uscc_error(code) is None
    assert check_character(code[:17]) == code[17]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91350100M000100Y4", "18 characters"),
        ("91350100M000100Y433", "18 characters"),
        ("", "18 characters"),
        ("91350100M000100Y44", "check character"),
        ("91350100M0001O0Y43", "not allowed"),
        ("91350100M000100Y4z", "not allowed"),
        ("9135AB00M000100Y43", "division"),
    ],
)
def test_bad_uscc_codes_fail(code: str, reason: str):
    error = uscc_error(code)
    assert error is not None and reason in error


def test_the_characters_left_out_are_named():
    error = uscc_error("91350100M0001O0YIS")
    assert error is not None and error.endswith(": IOS")


def test_check_character_maps_31_to_zero():
    # A body whose weighted sum is a multiple of 31 must get "0", not index 31.
    body = "00000000000000000"
    assert check_character(body) == "0"


def test_the_alphabet_has_31_characters_without_i_o_s_v_z():
    assert len(ALPHABET) == len(set(ALPHABET)) == 31
    assert not set("IOSVZ") & set(ALPHABET)
