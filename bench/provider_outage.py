"""Provider outage: a fake OpenAI-compatible provider answers 5xx, then hangs, then sends malformed
JSON; every case filed meanwhile must reach a person (« Rédiger à la main »). Then it recovers: new
cases must be drafted by the model again, with nothing done by hand. Prints counts and recovery time."""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tandem_bench import App, FakeProvider, open_letter  # noqa: E402

per_mode = int(sys.argv[1]) if len(sys.argv) > 1 else 10
work = tempfile.mkdtemp(prefix="tandem-outage-")
provider = FakeProvider()
app = App(os.path.join(work, "postgres"), provider=provider, log=os.path.join(work, "app.log"), ai_timeout="PT5S",
          extra=["--tandem.worker.poll-interval=200ms", "--tandem.worker.retry-backoff=1s",
                 "--tandem.worker.lock-duration=30s"])
print("provider outage: %d cases per failure mode; data in %s" % (per_mode, work), flush=True)
app.start()
alice = app.session("alice")


def status(cid):
    return alice.call("GET", "/api/cases/%d" % cid)[1]


def await_all(ids, done, timeout):
    t0, last = time.time(), {}
    while time.time() - t0 < timeout:
        last = {c: status(c) for c in ids}
        if all(done(v) for v in last.values()):
            break
        time.sleep(1)
    return last


ok = True
for mode in ("error", "hang", "malformed"):
    provider.mode = mode
    calls0, t0 = provider.calls, time.time()
    ids = [open_letter(alice, "%s-%d" % (mode, n))[1]["id"] for n in range(per_mode)]
    views = await_all(ids, lambda v: v["status"] != "DRAFTING", 180)
    to_people = sum(1 for v in views.values() if v["status"] == "HAND_DRAFTING")
    print("  %-9s: %d cases, %d reached a person (hand-drafting) in %.0f s, %d provider calls, others: %s"
          % (mode, len(ids), to_people, time.time() - t0, provider.calls - calls0,
             sorted({v["status"] for v in views.values() if v["status"] != "HAND_DRAFTING"})), flush=True)
    ok &= to_people == len(ids)

provider.mode = "ok"
recovered_at = time.time()
first_ai, n, ids = None, 0, []
while time.time() - recovered_at < 300 and first_ai is None:
    cid = open_letter(alice, "recovery-%d" % n)[1]["id"]
    n += 1
    ids.append(cid)
    v = await_all([cid], lambda v: v["status"] != "DRAFTING", 60)[cid]
    if v["status"] == "IN_REVIEW" and (v.get("draft") or {}).get("producer") == "MODEL":
        first_ai = time.time() - recovered_at
after = [open_letter(alice, "after-%d" % k)[1]["id"] for k in range(per_mode)]
views = await_all(after, lambda v: v["status"] != "DRAFTING", 180)
by_model = sum(1 for v in views.values() if v["status"] == "IN_REVIEW" and (v.get("draft") or {}).get("producer") == "MODEL")
print("  recovery : first case drafted by the model %.1f s after the provider came back (%d case(s) filed until then)"
      % (first_ai if first_ai is not None else float("nan"), n))
print("  after    : %d of %d new cases drafted by the model, none by hand" % (by_model, len(after)))
ok &= first_ai is not None and by_model == len(after)
app.stop()
sys.exit(0 if ok else 1)
