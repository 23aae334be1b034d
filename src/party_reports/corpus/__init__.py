"""The corpus layer: many articles -> tables -> an index.  It sees only `parse` and the models."""

from .dask_engine import run_dask
from .database import Corpus
from .run import Parsed, parse_many

__all__ = ["Corpus", "Parsed", "parse_many", "run_dask"]
