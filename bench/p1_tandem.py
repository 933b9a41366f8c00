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
# advisers filing at once: one alone measures the latency of a filing, not what the app sustains
filers = int(os.environ.get("FILERS", "4"))
work = tempfile.mkdtemp(prefix="tandem-p1-")
app = App(os.path.join(work, "postgres"), provider=FakeProvider(latency=0), log=os.path.join(work, "app.log"),
          extra=["--tandem.worker.poll-interval=100ms"])
app.start()
alice = app.session("alice")
experts = [app.session("bob") for _ in range(reviewers)]
ids, lock, running = [], threading.Lock(), True
statuses = {}


advisers = [app.session("alice") for _ in range(filers)]


def file(count, tag, into, adviser=alice):
    for n in range(count):
        s, body = open_letter(adviser, "%s-%d" % (tag, n))
        with lock:
            into.append(body["id"])


def wait_disclosed(pending, limit):
    while pending and time.time() < limit:
        # one request for alice's latest 200 cases: the measurement must not load the app it measures
        status, mine = alice.call("GET", "/api/cases")
        if status == 200:
            listed = {c["id"] for c in mine}
            pending -= {c["id"] for c in mine if c["status"] == "DISCLOSED"}
            # older ones than the list shows (more than 200 cases): one by one
            for cid in [c for c in pending if c not in listed]:
                s, body = alice.call("GET", "/api/cases/%d" % cid)
                if s == 200 and body.get("status") == "DISCLOSED":
                    pending.discard(cid)
        time.sleep(0.5)
    return pending


def review(s, k):
    while running:
        # each expert works a share of the cases (by id), as people on one queue rarely open the same
        # task at the same second; four sessions on the same first task spent most requests on 409s
        with lock:
            mine = {c for c in warm + ids if c % reviewers == k}
        done = work_tasks([s], only_cases=mine)
        for _, _, _, status in done:
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
        if not done:
            time.sleep(0.05)


warm = []
for k, e in enumerate(experts):
    threading.Thread(target=review, args=(e, k), daemon=True).start()
file(warmup, "warm-up", warm)
wait_disclosed(set(warm), time.time() + 1800)
t0 = time.time()
threads = [threading.Thread(target=file, args=(cases // filers + (1 if f < cases % filers else 0), "p1-%d" % f, ids,
                                               advisers[f])) for f in range(filers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
pending = wait_disclosed(set(ids), t0 + 3600)
elapsed = time.time() - t0
running = False
app.stop()
print("P1 Tandem: %d cases in %.1f s = %.2f cases/s (%d not disclosed)" % (cases, elapsed, cases / elapsed, len(pending)))
# 409: two reviewers took the same task, the loser is told to reload; a 5xx would be a fault
print("P1 reviewer answers by status: %s" % dict(sorted(statuses.items())))
