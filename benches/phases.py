#!/usr/bin/env python3
"""Runs an `anslag build` and samples its resident memory per phase.

    python3 benches/phases.py [--interval 0.02] -- anslag --site DIR build --output OUT ...

Sets ANSLAG_PHASE_MARKS=1, which makes the build print `anslag-phase: NAME` on standard error
as each phase starts (src/build/mod.rs, `mark_phase`). Every INTERVAL seconds it reads VmRSS
from /proc/PID/status and tags the sample with the last phase announced. Prints, per phase in
the order they ran, when it started, how long it took and the largest resident size sampled
in it; then the wall time and the whole run's peak (the kernel's maximum resident set size,
from wait4, which no sampling interval can miss), and a last line `RESULT seconds=… peak_kib=…`
for scripts. Exits with the command's status (its standard error is shown when it fails).
"""

import os
import sys
import threading
import time

MARK = "anslag-phase: "


def vm_rss_kib(pid):
    """The resident size of `pid` in KiB, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def main(argv):
    interval = 0.02
    if argv[:1] == ["--interval"]:
        interval, argv = float(argv[1]), argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv:
        sys.exit(__doc__)

    import subprocess

    env = dict(os.environ, ANSLAG_PHASE_MARKS="1")
    started = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    phases = [("start", 0.0)]  # (name, seconds since start), appended by the reader thread
    other = []

    def read_stderr():
        for line in proc.stderr:
            if line.startswith(MARK):
                phases.append((line[len(MARK):].strip(), time.monotonic() - started))
            else:
                other.append(line)

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()

    peak = {}  # phase index -> largest sample (KiB)
    while True:
        # wait4, not poll: it gives the child's own peak (ru_maxrss) when it has exited.
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        rss = vm_rss_kib(proc.pid)
        if rss is not None:
            i = len(phases) - 1
            peak[i] = max(peak.get(i, 0), rss)
        time.sleep(interval)
    wall = time.monotonic() - started
    reader.join(timeout=5)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write("".join(other))
        print(f"phases.py: the command failed with status {code}", file=sys.stderr)
        return code

    print(f"{'phase':>28}  {'starts':>8}  {'takes':>8}  {'peak RSS':>9}")
    for i, (name, at) in enumerate(phases):
        end = phases[i + 1][1] if i + 1 < len(phases) else wall
        mib = f"{peak[i] / 1024:.0f} MiB" if i in peak else "-"
        print(f"{name:>28}  {at:7.2f}s  {end - at:7.2f}s  {mib:>9}")
    print(f"{'whole build':>28}  {0:7.2f}s  {wall:7.2f}s  {usage.ru_maxrss / 1024:5.0f} MiB (peak, wait4)")
    print(f"RESULT seconds={wall:.3f} peak_kib={usage.ru_maxrss}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
