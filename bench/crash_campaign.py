"""Crash campaign: start the app, load cases, kill -9 the JVM and its PostgreSQL at a random moment
(while AI drafts, approvals, disclosures and deliveries are under way), restart on the same data, repeat;
then check that no case is lost, nothing is disclosed twice, every approved letter reached the mail server
(none lost, even in rounds where the mail server refused service) and every audit chain verifies.

A letter is received once, with one exception that SMTP imposes: it has no two-phase commit, so a kill -9 that
falls between the server's acceptance (its count at the final dot) and Tandem's commit of « sent » makes the next
start send the same message again, under the same Message-ID (which mail clients file as one). The campaign
counts such a second copy apart — exactly two copies, the first accepted within CRASH_WINDOW seconds (default
0.5) of a kill, the second after the restart — and prints how far from the kill the first was. The server stamps a
message when its thread has read the final dot, which may be a few milliseconds after the JVM died (the dot was in
the socket before): the window is taken on both sides. Any other second copy (no kill at the first, a third copy)
fails the campaign."""
import os
import random
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tandem_bench import App, FakeProvider, FakeSmtp, open_letter, work_tasks  # noqa: E402

iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 100
cases_per_round = int(os.environ.get("CASES_PER_ROUND", "6"))
work = tempfile.mkdtemp(prefix="tandem-crash-")
provider = FakeProvider(latency=float(os.environ.get("PROVIDER_LATENCY", "1.5")))
# the letters leave by SMTP; in a share of the rounds the mail server refuses service (421) until the next round
smtp = FakeSmtp()
outage_rate = float(os.environ.get("SMTP_OUTAGE_RATE", "0.3"))
app = App(os.path.join(work, "postgres"), provider=provider, log=os.path.join(work, "app.log"), ai_timeout="PT10S", quick_start=True,
          smtp=smtp,
          extra=["--tandem.worker.poll-interval=200ms", "--tandem.worker.retry-backoff=1s",
                 "--tandem.worker.lock-duration=20s",
                 # a job the killed JVM had locked (a disclosure, a delivery) waits for its lock to expire
                 # before another start runs it: 20 s here instead of the engine's 5 minutes, so that
                 # everything settles within the campaign's last start
                 "--camunda.bpm.job-execution.lock-time-in-millis=20000"])
print("crash campaign: %d iterations, %d cases per round, data in %s" % (iterations, cases_per_round, work), flush=True)

created, approved_ok, kills, starts, outages = set(), set(), 0, [], 0
kill_times = []  # when each killed JVM was gone (the fake mail server's clock)
crash_window = float(os.environ.get("CRASH_WINDOW", "0.5"))
rng = random.Random(int(os.environ.get("SEED", "7")))
# a time budget (minutes) may end the rounds early; the verification below always runs
budget = float(os.environ.get("MAX_MINUTES", "0"))
campaign_start = time.time()
for i in range(iterations):
    if budget and time.time() - campaign_start > budget * 60:
        print("  time budget of %.0f min spent after %d rounds" % (budget, i), flush=True)
        break
    starts.append(app.start())
    alice, bob = app.session("alice"), app.session("bob")
    smtp.mode = "down" if rng.random() < outage_rate else "ok"
    outages += smtp.mode == "down"
    killed_after = rng.uniform(float(os.environ.get("KILL_MIN", "1")), float(os.environ.get("KILL_MAX", "10")))
    deadline = time.time() + killed_after
    pool = ThreadPoolExecutor(4)

    def load():
        for n in range(cases_per_round):
            status, body = open_letter(alice, "r%d-%d" % (i, n))
            if status == 201:
                created.add(body["id"])

    def review():
        while time.time() < deadline + 1:
            for case_id, key, user, status in work_tasks([bob]):
                if key == "approve" and status == 200:
                    approved_ok.add(case_id)
            time.sleep(0.2)

    futures = [pool.submit(load), pool.submit(review)]
    while time.time() < deadline:
        time.sleep(0.05)
    app.kill9()  # in the middle of whatever is going on: drafts, approvals, disclosures
    kill_times.append(app.killed_at)
    kills += 1
    pool.shutdown(wait=True, cancel_futures=True)
    for f in futures:
        try:
            f.result()
        except Exception:
            pass  # calls cut by the kill
    print("  round %d: started in %.1f s, killed %.1f s later; %d cases acknowledged so far, %d approvals; mail server %s"
          % (i + 1, starts[-1], killed_after, len(created), len(approved_ok), smtp.mode), flush=True)

# a last start: let everything settle, finish every case by hand, then verify
smtp.mode = "ok"
starts.append(app.start())
alice, bob, admin = app.session("alice"), app.session("bob"), app.session("admin")
settle_until = time.time() + 240
while time.time() < settle_until:
    for case_id, key, user, status in work_tasks([bob]):
        if key == "approve" and status == 200:
            approved_ok.add(case_id)
    statuses = {}
    for cid in created:
        s, body = alice.call("GET", "/api/cases/%d" % cid)
        statuses[cid] = body.get("status") if s == 200 else "LOST(%d)" % s
    if all(v in ("DISCLOSED", "REJECTED") for v in statuses.values()):
        break
    time.sleep(2)

# approvals of cases whose 201 the kill cut off: they exist all the same, check them too
for cid in approved_ok - created:
    s, body = alice.call("GET", "/api/cases/%d" % cid)
    statuses[cid] = body.get("status") if s == 200 else "LOST(%d)" % s
lost = [c for c, v in statuses.items() if v.startswith("LOST")]
not_disclosed = {c: v for c, v in statuses.items() if v != "DISCLOSED"}
approved_not_disclosed = [c for c in approved_ok if statuses.get(c) != "DISCLOSED"]
twice = []
delivered_audit_twice = []
for cid in statuses:
    s, audit = admin.call("GET", "/api/cases/%d/audit" % cid)
    if s == 200 and sum(1 for e in audit["events"] if e["type"] == "DISCLOSED") > 1:
        twice.append(cid)
    if s == 200 and sum(1 for e in audit["events"] if e["type"] == "DELIVERED") > 1:
        delivered_audit_twice.append(cid)


def copy_of_the_crash_window(message_id):
    """Two copies, the first accepted at a kill -9 and the second after the restart: the window SMTP leaves
    between the server's acceptance and the commit of « sent ». Returns the milliseconds from the kill to the
    first copy (negative: before it), or None when the copies are not explained by a kill."""
    times = smtp.times(message_id)
    if len(times) != 2:
        return None
    for killed in kill_times:
        if killed - crash_window <= times[0] <= killed + crash_window < times[1]:
            return (times[0] - killed) * 1000
    return None


# delivery: each disclosed letter has one Message-ID, fixed before its first attempt; the mail server must
# have accepted it once (twice only across a kill, see above), and nothing else
message_ids, delivery_lost, received_twice, not_sent, crash_copies = {}, [], [], [], []
for cid, status in statuses.items():
    if status not in ("DISCLOSED", "TO_SEND"):
        continue
    s, view = admin.call("GET", "/api/cases/%d" % cid)
    delivery = (view or {}).get("delivery") or {}
    if delivery.get("status") != "SENT":
        not_sent.append(cid)
        continue
    message_ids[delivery["messageId"]] = cid
    n = smtp.count(delivery["messageId"])
    if n == 0:
        delivery_lost.append(cid)
    elif n > 1:
        from_kill = copy_of_the_crash_window(delivery["messageId"])
        if from_kill is None:
            received_twice.append((cid, n))
            start = kill_times[0] - 60 if kill_times else 0
            print("  case %d received %d times, at %s s; kills at %s s (from the first kill - 60 s)"
                  % (cid, n, ["%.3f" % (t - start) for t in smtp.times(delivery["messageId"])],
                     ["%.3f" % (k - start) for k in kill_times]))
        else:
            crash_copies.append((cid, round(from_kill, 1)))
stray = [m for m in smtp.all() if m not in message_ids]
s, verify = admin.call("GET", "/api/audit/verify")
app.stop()

chains = verify if isinstance(verify, dict) else {}
print("crash campaign result: %d kill -9 (JVM and PostgreSQL), %d starts (median %.1f s)"
      % (kills, len(starts), sorted(starts)[len(starts) // 2]))
print("  cases acknowledged (201): %d; lost: %d; disclosed: %d; not yet disclosed: %d %s"
      % (len(created), len(lost), len(created) - len(not_disclosed), len(not_disclosed),
         dict(list(not_disclosed.items())[:10])))
print("  approvals acknowledged (200): %d; approved but not disclosed: %d" % (len(approved_ok), len(approved_not_disclosed)))
print("  disclosed twice: %d; audit verification: %s" % (len(twice), chains))
print("  deliveries: %d letters sent; rounds with the mail server refusing service: %d; messages received: %d"
      % (len(message_ids), outages, sum(smtp.all().values())))
print("  delivery lost (sent but never received): %d %s; received twice: %d %s; unknown messages: %d; "
      "still « à envoyer »: %d %s; DELIVERED twice in an audit trail: %d"
      % (len(delivery_lost), delivery_lost[:10], len(received_twice), received_twice[:10], len(stray),
         len(not_sent), not_sent[:10], len(delivered_audit_twice)))
print("  sent again after a kill in the window between the server's acceptance and the commit (same Message-ID): "
      "%d %s (case, ms from the kill to the first copy; window ±%.1f s)" % (len(crash_copies), crash_copies[:10], crash_window))
print("  provider calls: %d; app log: %s" % (provider.calls, app.log))
ok = (not lost and not twice and not approved_not_disclosed and chains.get("broken") == []
      and not delivery_lost and not received_twice and not stray and not not_sent and not delivered_audit_twice)
sys.exit(0 if ok else 1)
