"""Where a load run's CPU goes: the app server, PostgreSQL, Redis, wrk and the rest.

Read from ``/proc`` (Linux), nothing to install. A *group* is a process with every
descendant: the CPU time of the live ones (``utime + stime``) plus what the root and
its descendants collected from children they reaped (``cutime + cstime``), so a
backend or worker that exits during the run is still counted. Two snapshots, one
before and one after a run, give each group's CPU seconds in between::

    split = CpuSplit({"site": gunicorn_pid, "postgres": postmaster_pid})
    before = split.snapshot()
    ...  # the run
    seconds = split.since(before)  # {"site": 3.1, "site kernel": 0.4, "machine": 7.9, ...}

``NAME kernel`` is the part of a group's time spent in the kernel on its behalf
(system calls: on loopback, sending data includes much of the receiver's network
work). ``machine`` is every core's busy time from ``/proc/stat`` (other work included), so
``machine`` minus the groups is what the rest of the machine spent meanwhile (other
users of a shared machine, the kernel's interrupts, the floor server idling).
"""

import os
from pathlib import Path

PROC = Path("/proc")
TICK = os.sysconf("SC_CLK_TCK")


def process_stats():
    """{pid: (parent pid, own CPU ticks, reaped children's CPU ticks, of which in the
    kernel)} of every process."""
    stats = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        # The command name (field 2) may hold spaces and parentheses: split after it.
        fields = text[text.rindex(")") + 2 :].split()
        parent = int(fields[1])
        utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
        stats[int(entry.name)] = (parent, utime + stime, cutime + cstime, stime + cstime)
    return stats


def machine_busy_ticks():
    """Ticks every core spent not idle (idle and iowait excluded) since boot."""
    with open(PROC / "stat") as stat:
        values = [int(value) for value in stat.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values[:8]) - idle  # guest time is already in user time


class CpuSplit:
    """CPU seconds per named group of processes between two snapshots."""

    def __init__(self, roots):
        self.roots = dict(roots)  # name -> root pid

    def snapshot(self):
        stats = process_stats()
        children = {}
        for pid, (parent, *_) in stats.items():
            children.setdefault(parent, []).append(pid)
        ticks = {"machine": machine_busy_ticks()}
        for name, root in self.roots.items():
            total, kernel, todo = 0, 0, [root]
            while todo:
                pid = todo.pop()
                if pid in stats:
                    _, own, reaped, in_kernel = stats[pid]
                    total += own + reaped
                    kernel += in_kernel
                    todo.extend(children.get(pid, ()))
            ticks[name] = total
            ticks[f"{name} kernel"] = kernel
        return ticks

    def since(self, before):
        after = self.snapshot()
        return {name: (after[name] - before[name]) / TICK for name in after}
