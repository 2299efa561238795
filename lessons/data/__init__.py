"""Offline, seeded datasets for the whole curriculum.

Every builder takes `seed`, draws from `np.random.default_rng(seed)`, needs no network,
and returns NumPy arrays whose shapes its docstring states. Same seed, same arrays.
(`lfw_faces` is fixed data and takes no seed.)
"""
from .audio import TriggerClips, make_trigger_clips, spectrogram_shape
from .images import (PHOTO_CLASSES, SHAPE_CLASSES, Shapes, Split, lfw_faces, make_cat_dataset,
                     make_fingers, make_photo_crops, make_shapes)
from .outfits import Outfits, make_outfits
from .planar import make_planar, make_planar_flower
from .series import CHANNELS, make_series
from .text import (EMOJI_CLASSES, DateArrays, Dates, dates_to_arrays, make_corpus, make_dates,
                   make_dino_names, make_emoji_sentences)

__all__ = ["CHANNELS", "EMOJI_CLASSES", "PHOTO_CLASSES", "SHAPE_CLASSES", "DateArrays", "Dates", "Outfits", "Shapes", "Split",
           "TriggerClips", "dates_to_arrays", "lfw_faces", "make_cat_dataset", "make_corpus",
           "make_dates", "make_dino_names", "make_emoji_sentences", "make_fingers", "make_outfits", "make_planar",
           "make_photo_crops", "make_planar_flower", "make_series", "make_shapes", "make_trigger_clips",
           "spectrogram_shape"]
