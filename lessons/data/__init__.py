"""Offline, seeded datasets for the whole curriculum.

Every builder takes `seed`, draws from `np.random.default_rng(seed)`, needs no network,
and returns NumPy arrays whose shapes its docstring states. Same seed, same arrays.
"""
from .images import Split, make_cat_dataset
from .planar import make_planar, make_planar_flower

__all__ = ["Split", "make_cat_dataset", "make_planar", "make_planar_flower"]
