"""Start (issue 18): the jar until readiness UP, as installed (no demo profile, an administrator's password
only): a first start on an empty database, then restarts on the database it made. Exits 1 on a miss.
  python3 bench/start_time.py [restarts, default 3]"""
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tandem_bench import App  # noqa: E402

restarts = int(sys.argv[1]) if len(sys.argv) > 1 else 3
work = tempfile.mkdtemp(prefix="tandem-start-")
app = App(os.path.join(work, "postgres"), log=os.path.join(work, "app.log"), profile=None)
first = app.start()
app.stop()
print("START first start on an empty database: %.1f s (goal <= 30 s)" % first, flush=True)
again = []
for _ in range(restarts):
    again.append(app.start())
    app.stop()
    print("START restart on the existing database: %.1f s" % again[-1], flush=True)
median = statistics.median(again)
print("START restart on the existing database, median of %d: %.1f s (goal <= 15 s)" % (restarts, median))
missed = [name for name, ok in (("first start", first <= 30), ("restart", median <= 15)) if not ok]
print("START %s (log: %s)" % ("all goals met" if not missed else "MISSED: " + ", ".join(missed), app.log))
sys.exit(1 if missed else 0)
