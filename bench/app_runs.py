"""What the benches of the app share: waiting on the app's state, a run in a new process with
its own embedding cache, and how a median is printed."""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


async def until(
    condition: Callable[[], object],
    timeout: float = 300.0,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """``clock()`` once ``condition()`` holds, looking every 5 ms (TimeoutError after
    ``timeout`` seconds)."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise TimeoutError
        await asyncio.sleep(0.005)
    return clock()


def run_in_new_process(script: str, args: Sequence[str], cache: Path) -> Any:
    """Run ``script args`` in a new process with ``cache`` as the embedding cache; the JSON
    its last line of output holds."""
    env = dict(os.environ, PLANCOMPARE_CACHE=str(cache), PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, script, *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def median_text(values: Sequence[float]) -> str:
    """``1.07 s (min 1.06, max 1.10)``."""
    return f"{statistics.median(values):5.2f} s (min {min(values):.2f}, max {max(values):.2f})"
