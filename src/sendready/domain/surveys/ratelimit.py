"""A rate limit that needs nobody's identity: one token bucket per survey, shared by everyone.

A flood of forged answers empties the bucket and is told to wait; nothing about who sent what is kept.
Each server process holds its own buckets, so the site-wide limit is the rate times the processes."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class TokenBucket:
    """`rate` tokens a second, up to `burst` saved; each accepted submission takes one."""

    rate: float
    burst: float
    tokens: float = -1.0
    updated: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def take(self, now: float) -> float:
        """0.0 when a token was taken; otherwise the seconds to wait before the next one."""
        with self._lock:
            if self.tokens < 0:
                self.tokens, self.updated = self.burst, now
            self.tokens = min(self.burst, self.tokens + max(0.0, now - self.updated) * self.rate)
            self.updated = now
            if self.tokens >= 1.0:
                self.tokens -= 1.0
                return 0.0
            return (1.0 - self.tokens) / self.rate if self.rate > 0 else 60.0


@dataclass
class Buckets:
    """One bucket per key (a survey), made on first use."""

    rate: float
    burst: float
    _buckets: dict[object, TokenBucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def take(self, key: object, now: float) -> float:
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = TokenBucket(self.rate, self.burst)
        return bucket.take(now)
