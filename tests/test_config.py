"""The configuration keys: each documented in lint/config.py, with a default equal to Config's."""

from __future__ import annotations

import sys

import pytest

from lint.config import Config, documented_keys, from_mapping

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

KEYS = documented_keys()


def test_every_setting_has_exactly_one_key() -> None:
    fields = set(Config._fields) - {"source"}
    assert sorted(key.replace("-", "_") for key, _, _ in KEYS) == sorted(fields)


@pytest.mark.parametrize(("key", "default", "doc"), KEYS, ids=[key for key, _, _ in KEYS])
def test_documented_default_is_the_real_default(key: str, default: str, doc: str) -> None:
    """A TOML default, written in the file, gives Config's default; words stand for None."""
    attribute = key.replace("-", "_")
    real = Config._field_defaults[attribute]
    try:
        value = tomllib.loads(f"value = {default}")["value"]
    except tomllib.TOMLDecodeError:
        assert real is None, f"{key}: the default {default!r} is words, but Config has {real!r}"
    else:
        assert getattr(from_mapping({key: value}), attribute) == real
    assert doc and "\n" not in doc and not doc.endswith(".")
