"""Peak resident memory of another process, sampled in a background thread."""

from __future__ import annotations

import threading

import psutil


class PeakRss:
    """Samples a process's RSS every `interval` seconds until stop(); `peak_mb` is the highest seen."""

    def __init__(self, pid: int, interval: float = 0.02):
        self._process = psutil.Process(pid)
        self._interval = interval
        self._stop = threading.Event()
        self.peak = 0
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, self._process.memory_info().rss)
            except psutil.Error:
                return
            self._stop.wait(self._interval)

    def stop(self) -> float:
        self._stop.set()
        return self.peak_mb

    @property
    def peak_mb(self) -> float:
        return self.peak / 2**20
