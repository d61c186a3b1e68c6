"""Fixtures shared by the attack tests."""

from tests.security.test_attacks import decided  # noqa: F401  (a fixture)
