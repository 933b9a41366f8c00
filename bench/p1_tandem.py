"""P1, Tandem's side: content cases end to end through the API (adviser files, the fake provider
answers at once, an expert accepts and approves, the disclosure runs) — cases per second."""
import os
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tandem_bench import App, FakeProvider, open_letter, work_tasks  # noqa: E402

cases = int(sys.argv[1]) if len(sys.argv) > 1 else 200
# both sides first run cases that are not counted, so that the ratio compares steady states, not JIT warm-ups
warmup = int(os.environ.get("WARMUP", "50"))
reviewers = int(os.environ.get("REVIEWERS", "4"))
work = tempfile.mkdtemp(prefix="tandem-p1-")
app = App(os.path.join(work, "postgres"), provider=FakeProvider(latency=0), log=os.path.join(work, "app.log"),
          extra=["--tandem.worker.poll-interval=100ms"])
app.start()
alice = app.session("alice")
experts = [app.session("bob") for _ in range(reviewers)]
ids, lock, running = [], threading.Lock(), True
statuses = {}


def file(count, tag, into):
    for n in range(count):
        s, body = open_letter(alice, "%s-%d" % (tag, n))
        with lock:
            into.append(body["id"])


def wait_disclosed(pending, limit):
    while pending and time.time() < limit:
        # one request for all of alice's cases: the measurement must not load the app it measures
        status, mine = alice.call("GET", "/api/cases")
        if status == 200:
            pending -= {c["id"] for c in mine if c["status"] == "DISCLOSED"}
        time.sleep(0.5)
    return pending


def review(s):
    while running:
        done = work_tasks([s])
        for _, _, _, status in done:
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
        if not done:
            time.sleep(0.05)


for e in experts:
    threading.Thread(target=review, args=(e,), daemon=True).start()
warm = []
file(warmup, "warm-up", warm)
wait_disclosed(set(warm), time.time() + 1800)
t0 = time.time()
filer = threading.Thread(target=file, args=(cases, "p1", ids))
filer.start()
filer.join()
pending = wait_disclosed(set(ids), t0 + 3600)
elapsed = time.time() - t0
running = False
app.stop()
print("P1 Tandem: %d cases in %.1f s = %.2f cases/s (%d not disclosed)" % (cases, elapsed, cases / elapsed, len(pending)))
# 409: two reviewers took the same task, the loser is told to reload; a 5xx would be a fault
print("P1 reviewer answers by status: %s" % dict(sorted(statuses.items())))
