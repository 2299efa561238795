"""Kernels started ahead of need, for batch grading.

Every grading starts a fresh kernel and, in the learner's set-up cell, imports TensorFlow:
seconds of work before the first exercise runs. A KernelPool starts the next kernel in the
background while the current submission is graded, and runs in it the set-up's import of
TensorFlow and Keras (lessons.setup, exactly as every notebook's first cells do), so that
a batch pays for it behind the work. Each kernel serves one submission and is then shut
down: nothing a learner's code did can reach the next learner.
"""
import contextlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from grader import sandbox

WARM_UP = ("from lessons.setup import import_tensorflow_quietly\n"
           "import_tensorflow_quietly()\n"
           "import keras\n"
           "del import_tensorflow_quietly, keras\n")


@dataclass
class WarmKernel:
    """A started kernel, confined in its own working folder, with TensorFlow imported."""
    folder: Path
    km: object
    monitor: sandbox.Monitor
    _folder: contextlib.ExitStack

    @classmethod
    def start(cls, limits, private=(), kernel_name="python3"):
        handle = contextlib.ExitStack()
        folder, monitor = sandbox.control_folder(handle), sandbox.Monitor()
        manager = sandbox.kernel_manager_class_for(limits, monitor, folder, private, blocking=True)
        km = manager(kernel_name=kernel_name)
        km.start_kernel(cwd=str(folder))
        client = km.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=limits.start_seconds)
            client.execute_interactive(WARM_UP, timeout=limits.start_seconds, output_hook=lambda msg: None)
        finally:
            client.stop_channels()
        return cls(folder, km, monitor, handle)

    def close(self):
        """Stop the kernel and remove its folder; safe to call more than once."""
        if self.km is None:
            return
        try:
            self.km.shutdown_kernel(now=True)
        except Exception:  # already dead (a learner's crash): nothing left to stop
            pass
        self.km = None
        self._folder.close()


class KernelPool:
    """Hands out warm kernels, one per submission, always starting the next in the background."""

    def __init__(self, limits, private=()):
        self.limits, self.private = limits, private
        self._starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kernel-pool")
        self._next = self._starter.submit(WarmKernel.start, limits, private)

    def take(self):
        """A warm kernel (None if starting one failed: the grader then starts its own)."""
        try:
            kernel = self._next.result()
        except Exception:
            kernel = None
        self._next = self._starter.submit(WarmKernel.start, self.limits, self.private)
        return kernel

    def close(self):
        self._starter.shutdown(wait=True)
        try:
            self._next.result().close()
        except Exception:
            pass
