"""The corpus layer: many articles -> tables.  It sees only `parse` and the models."""

from .dask_engine import run_dask
from .run import Parsed, parse_many

__all__ = ["Parsed", "parse_many", "run_dask"]
