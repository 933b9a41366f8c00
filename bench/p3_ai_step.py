"""P3: the AI step with a provider that takes 3 s. 100 cases at once: every draft must be done
within 1.2 x (cases / worker concurrency x 3 s), and the database pool must never be exhausted
(no connection waited for: HikariCP's pending gauge stays 0, no timeout)."""
import math
import os
import re
import sys
import tempfile
import threading
import time
import urllib.request
import base64

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tandem_bench import App, FakeProvider, open_letter  # noqa: E402

cases = int(sys.argv[1]) if len(sys.argv) > 1 else 100
concurrency = int(os.environ.get("WORKER_CONCURRENCY", "4"))
latency = float(os.environ.get("PROVIDER_LATENCY", "3"))
work = tempfile.mkdtemp(prefix="tandem-p3-")
provider = FakeProvider(latency=latency)
app = App(os.path.join(work, "postgres"), provider=provider, log=os.path.join(work, "app.log"),
          extra=["--tandem.worker.max-concurrency=%d" % concurrency, "--tandem.worker.poll-interval=200ms"])
app.start()
alice = app.session("alice")
auth = "Basic " + base64.b64encode(b"admin:admin").decode()


def pool():
    req = urllib.request.Request("http://127.0.0.1:%d/actuator/prometheus" % app.port, headers={"Authorization": auth})
    text = urllib.request.urlopen(req, timeout=10).read().decode()
    def metric(name):
        return sum(float(m) for m in re.findall(r"^%s\{[^}]*\} ([0-9.eE+-]+)$" % name, text, re.M))
    return {k: metric(k) for k in ("hikaricp_connections_pending", "hikaricp_connections_active",
                                   "hikaricp_connections_max", "hikaricp_connections_timeout_total")}


samples, stop, phase = [], threading.Event(), ["filing"]
def sample():
    while not stop.is_set():
        try:
            samples.append(dict(pool(), phase=phase[0]))
        except Exception:
            pass
        time.sleep(0.5)

threading.Thread(target=sample, daemon=True).start()
t0 = time.time()
ids = []
lock = threading.Lock()
def file(n):
    s, body = open_letter(alice, "p3-%d" % n)
    with lock:
        ids.append(body["id"])
threads = [threading.Thread(target=file, args=(n,)) for n in range(cases)]
[t.start() for t in threads]
[t.join() for t in threads]
filed = time.time() - t0
phase[0] = "ai"
done_at = {}
while len(done_at) < len(ids) and time.time() - t0 < 1200:
    for cid in ids:
        if cid not in done_at:
            v = alice.call("GET", "/api/cases/%d" % cid)[1]
            if v["status"] != "DRAFTING":
                done_at[cid] = (time.time() - t0, v["status"], (v.get("draft") or {}).get("producer"))
    time.sleep(0.5)
stop.set()
elapsed = max(t for t, _, _ in done_at.values()) if done_at else float("nan")
goal = math.ceil(cases / concurrency) * latency
by_model = sum(1 for _, s, p in done_at.values() if p == "MODEL")
max_pending = max((s["hikaricp_connections_pending"] for s in samples if s["phase"] == "ai"), default=float("nan"))
max_active = max((s["hikaricp_connections_active"] for s in samples if s["phase"] == "ai"), default=float("nan"))
filing_pending = max((s["hikaricp_connections_pending"] for s in samples if s["phase"] == "filing"), default=0)
pool_max = max((s["hikaricp_connections_max"] for s in samples), default=float("nan"))
timeouts = samples[-1]["hikaricp_connections_timeout_total"] if samples else float("nan")
app.stop()
print("P3 AI step: %d cases filed in %.1f s; all drafts done %.1f s after the first request; %d by the model"
      % (cases, filed, elapsed, by_model))
print("  ideal %d / %d x %.0f s = %.1f s; ratio %.2f (goal <= 1.2)" % (cases, concurrency, latency, goal, elapsed / goal))
print("  DB pool during the AI step: max %d, most active %d, most waiting %d; time-outs over the run %d "
      "(goal: no wait, no time-out)" % (pool_max, max_active, max_pending, timeouts))
print("  (while the 100 requests were filed at once: most waiting %d)" % filing_pending)
sys.exit(0 if elapsed / goal <= 1.2 and max_pending == 0 and timeouts == 0 else 1)
