"""Trigger-word audio made offline: "words" are NumPy chirps over noise (Course 5 week 3)."""
from typing import NamedTuple

import numpy as np
from scipy import signal

ACTIVATE = (600.0, 2400.0, 0.35)  # the trigger word: a sweep from 600 Hz up to 2400 Hz in 0.35 s
NPERSEG, HOP = 200, 16            # spectrogram window (25 ms at 8 kHz) and step (2 ms)
LABEL_STEPS = 50                  # output steps set to 1 after each "activate" ends


class TriggerClips(NamedTuple):
    clips: np.ndarray         # (n, samples) float32 waveforms in [-1, 1]
    spectrograms: np.ndarray  # (n, Tx, n_freq) float32 log power
    labels: np.ndarray        # (n, Ty) uint8, 1 for the LABEL_STEPS steps after each "activate" ends
    activate_ends: list       # per clip, the end times (s) of its "activate" words


def _chirp(f0, f1, duration, sample_rate):
    """A linear sweep from f0 to f1 Hz under a Hann envelope."""
    t = np.arange(int(duration * sample_rate)) / sample_rate
    return signal.chirp(t, f0, duration, f1) * np.hanning(t.size)


def _other_word(rng):
    """(f0, f1, duration) of a non-trigger word: any sweep that is not close to ACTIVATE."""
    while True:
        f0, f1 = rng.uniform(300, 3500, 2)
        if abs(f0 - ACTIVATE[0]) + abs(f1 - ACTIVATE[1]) > 1200:
            return f0, f1, rng.uniform(0.2, 0.45)


def _free_start(length, taken, total, rng):
    """A start sample for a segment of `length` that overlaps no (start, end) in `taken`, or None."""
    for _ in range(50):
        start = int(rng.integers(0, total - length))
        if all(start >= end or start + length <= begin for begin, end in taken):
            return start
    return None


def spectrogram_shape(sample_rate=8000, duration_s=2.0):
    """(Tx, n_freq) of the spectrograms, and Ty = (Tx - 15) // 4 + 1: the steps left after the
    course's Conv1D(filters, 15, strides=4). For the defaults: Tx = 988, n_freq = 101, Ty = 244."""
    tx = (int(sample_rate * duration_s) - NPERSEG) // HOP + 1
    return tx, NPERSEG // 2 + 1, (tx - 15) // 4 + 1


def make_trigger_clips(n, sample_rate=8000, duration_s=2.0, seed=0):
    """`n` clips of background noise with 1 or 2 "activate" words (the ACTIVATE sweep) and 0 to
    2 other words (other sweeps), none overlapping, for trigger-word detection.

    Returns `TriggerClips(clips, spectrograms, labels, activate_ends)`: clips (n, samples)
    float32; spectrograms (n, Tx, n_freq) float32, log(power + 1e-10) from
    scipy.signal.spectrogram (window NPERSEG, step HOP); labels (n, Ty) uint8, where an
    "activate" ending at t seconds sets steps int(t * Ty / duration_s) + 1 .. + LABEL_STEPS
    (cut at Ty), as in the course's insert_ones. Tx, n_freq and Ty: spectrogram_shape.
    """
    rng = np.random.default_rng(seed)
    total = int(sample_rate * duration_s)
    *_, ty = spectrogram_shape(sample_rate, duration_s)
    clips = np.empty((n, total), dtype=np.float32)
    labels = np.zeros((n, ty), dtype=np.uint8)
    activate_ends = []
    for i in range(n):
        clip = rng.normal(0, rng.uniform(0.02, 0.1), total)
        words = [ACTIVATE] * int(rng.integers(1, 3)) + [_other_word(rng) for _ in range(rng.integers(0, 3))]
        taken, ends = [], []
        for f0, f1, seconds in words:
            sound = _chirp(f0, f1, seconds, sample_rate) * rng.uniform(0.3, 0.6)
            start = _free_start(sound.size, taken, total, rng)
            if start is None:
                continue
            taken.append((start, start + sound.size))
            clip[start:start + sound.size] += sound
            if (f0, f1, seconds) == ACTIVATE:
                end_s = (start + sound.size) / sample_rate
                ends.append(end_s)
                step = int(end_s * ty / duration_s)
                labels[i, step + 1:step + 1 + LABEL_STEPS] = 1
        clips[i] = np.clip(clip, -1, 1)
        activate_ends.append(sorted(ends))
    _, _, power = signal.spectrogram(clips, fs=sample_rate, nperseg=NPERSEG, noverlap=NPERSEG - HOP)
    spectrograms = np.log(power + 1e-10).transpose(0, 2, 1).astype(np.float32)
    return TriggerClips(clips, spectrograms, labels, activate_ends)
