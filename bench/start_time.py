"""Start (issue 18): readiness of the jar outside the demo (an administrator's password only), on one embedded
database: a first start on an empty database with java -jar, restarts on the database it made with java -jar,
then with the jar installed by deploy/install.sh (extracted, class data archive). Exits 1 on a miss (goals:
first start <= 30 s; restart as installed <= 15 s, median).
  python3 bench/start_time.py [restarts, default 3]"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tandem_bench import JAR, ROOT, App, ensure_jar  # noqa: E402

restarts = int(sys.argv[1]) if len(sys.argv) > 1 else 3
work = tempfile.mkdtemp(prefix="tandem-start-")
log = os.path.join(work, "app.log")
data = os.path.join(work, "postgres")


def restart_median(app, label):
    times = []
    for _ in range(restarts):
        times.append(app.start())
        app.stop()
        print("START restart on the existing database, %s: %.1f s" % (label, times[-1]), flush=True)
    return statistics.median(times)


ensure_jar()
plain = App(data, log=log, profile=None)
first = plain.start()
plain.stop()
print("START first start on an empty database, java -jar: %.1f s (goal <= 30 s)" % first, flush=True)
plain_median = restart_median(plain, "java -jar")

t0 = time.time()
installed_dir = os.path.join(work, "installed")
subprocess.run([os.path.join(ROOT, "deploy", "install.sh"), JAR, installed_dir], check=True)
print("START deploy/install.sh took %.1f s" % (time.time() - t0), flush=True)
installed = App(data, log=log, profile=None, launcher=os.path.join(installed_dir, "tandem"))
installed_median = restart_median(installed, "as installed")

print("START restart on the existing database, median of %d: java -jar %.1f s, as installed by deploy/install.sh "
      "%.1f s (goal <= 15 s)" % (restarts, plain_median, installed_median))
missed = [name for name, ok in (("first start", first <= 30), ("restart as installed", installed_median <= 15))
          if not ok]
print("START %s (log: %s)" % ("all goals met" if not missed else "MISSED: " + ", ".join(missed), log))
sys.exit(1 if missed else 0)
