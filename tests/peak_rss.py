"""``python peak_rss.py CMD...``: run CMD and print its peak resident memory (its own and its
children's) in KiB as the last line of stderr, ``peak_rss_kib=N``. A fresh process, so the
figure is this command's alone. RLIMIT_AS (``PEAK_RSS_LIMIT_MB``) keeps a runaway command from
taking the machine down: it fails with MemoryError instead of meeting the OOM killer."""

from __future__ import annotations

import os
import resource
import subprocess
import sys


def _limit() -> None:
    mb = int(os.environ.get("PEAK_RSS_LIMIT_MB") or 0)
    if mb:
        resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))


if __name__ == "__main__":
    proc = subprocess.run(sys.argv[1:], preexec_fn=_limit)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    sys.stderr.write(f"\npeak_rss_kib={peak}\n")
    raise SystemExit(proc.returncode)
