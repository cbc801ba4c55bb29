"""Test-only reference implementations (plain Python, no polars) that the real engine is checked against."""
