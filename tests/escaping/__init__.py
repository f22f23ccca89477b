"""Tests of the escaping wing: translations cannot attack readers."""
