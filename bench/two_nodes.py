"""Two nodes, one database: node A starts the embedded PostgreSQL, node B joins it over JDBC (Camunda's
cluster mode: both run the AI worker and the job executor). Advisers file cases on both nodes, experts
review and approve on both; then the engine's history tells which node drafted and disclosed what.
Checks: every case disclosed, each AI job run exactly once, each content disclosed once, both nodes
did work. Prints per-node counts."""
import atexit
import base64
import json
import os
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tandem_bench import App, FakeProvider, FakeSmtp, open_letter, work_tasks  # noqa: E402

cases = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
filers = int(os.environ.get("FILERS", "2"))        # per node
reviewers = int(os.environ.get("REVIEWERS", "2"))  # per node
limit_minutes = float(os.environ.get("MAX_MINUTES", "60"))
work = tempfile.mkdtemp(prefix="tandem-two-nodes-")
provider = FakeProvider(latency=float(os.environ.get("PROVIDER_LATENCY", "0.05")))
# both nodes send their letters to one mail server, which counts each message it accepts
smtp = FakeSmtp()


def node_args(name):
    return ["--tandem.worker.name=" + name, "--tandem.worker.poll-interval=200ms",
            # the engine writes this host name into its job log: the per-node split of the disclosures
            "--camunda.bpm.generic-properties.properties.hostname=" + name]


a = App(os.path.join(work, "postgres"), provider=provider, log=os.path.join(work, "node-a.log"),
        extra=node_args("node-a"), smtp=smtp)
print("two nodes: %d cases, data and logs in %s" % (cases, work), flush=True)
print("  node A (embedded PostgreSQL) ready in %.1f s" % a.start(), flush=True)
# whatever happens from here, no node outlives the script (B first: A holds the database)
atexit.register(lambda: [app.stop() for app in (b, a)])
b = App(os.path.join(work, "unused"), provider=provider, log=os.path.join(work, "node-b.log"), smtp=smtp,
        extra=node_args("node-b") + [
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:%d/postgres" % a.db_port,
            "--spring.datasource.username=postgres", "--spring.datasource.password="])
print("  node B (same database) ready in %.1f s" % b.start(), flush=True)
nodes = {"node-a": a, "node-b": b}

filed = {name: [] for name in nodes}
completed = {name: Counter() for name in nodes}
lock = threading.Lock()
deadline = time.time() + limit_minutes * 60
filing_done = threading.Event()


def file_cases(name, app, share, tag):
    alice = app.session("alice")
    for n in range(share):
        status, body = open_letter(alice, "%s-%s-%d" % (name, tag, n))
        if status == 201:
            with lock:
                filed[name].append(body["id"])
        else:
            print("  %s: filing answered %s %s" % (name, status, body), flush=True)


def review(name, app, k, total):
    # each expert session takes its own share of the cases (by id), so the two nodes' experts do not
    # race for the same task; who drafts and who discloses is left to the nodes
    bob = app.session("bob")
    while time.time() < deadline:
        with lock:
            mine = {c for ids in filed.values() for c in ids if c % total == k} - approved
        if filing_done.is_set() and not mine:
            return
        done = work_tasks([bob], only_cases=mine)
        with lock:
            for case_id, key, _, status in done:
                completed[name]["%s %s" % (key, status)] += 1
                if key == "approve" and status == 200:
                    approved.add(case_id)
        if not done:
            time.sleep(0.3)


approved = set()


t0 = time.time()
threads = []
per_filer = cases // (2 * filers)
extra = cases - per_filer * 2 * filers
for i, (name, app) in enumerate(nodes.items()):
    for f in range(filers):
        share = per_filer + (extra if i == 0 and f == 0 else 0)
        threads.append(threading.Thread(target=file_cases, args=(name, app, share, "f%d" % f)))
total_reviewers = 2 * reviewers
reviewer_threads = [threading.Thread(target=review, args=(name, app, i * reviewers + r, total_reviewers))
                    for i, (name, app) in enumerate(nodes.items()) for r in range(reviewers)]
for t in threads + reviewer_threads:
    t.start()
for t in threads:
    t.join()
filing_done.set()
print("  %d cases filed in %.0f s" % (sum(len(v) for v in filed.values()), time.time() - t0), flush=True)
for t in reviewer_threads:
    t.join()

# the verification, through the API an administrator has (the engine's REST API for its history)
admin, alice = a.session("admin"), b.session("alice")
ids = sorted(c for v in filed.values() for c in v)
status_of = {}
while time.time() < deadline:
    # the disclosures after the last approvals: asked case by case (the advisers' list shows 200)
    for cid in [c for c in ids if status_of.get(c) != "DISCLOSED"]:
        s, body = alice.call("GET", "/api/cases/%d" % cid)
        status_of[cid] = body.get("status") if s == 200 else "HTTP %d" % s
    if all(v == "DISCLOSED" for v in status_of.values()):
        break
    time.sleep(2)
elapsed = time.time() - t0
not_disclosed = {c: v for c, v in status_of.items() if v != "DISCLOSED"}


def history(path, **params):
    # Camunda's REST API takes HTTP Basic only (no session): as an operator's script calls it
    rows, first = [], 0
    auth = "Basic " + base64.b64encode(b"admin:admin").decode()
    while True:
        query = dict(params, firstResult=first, maxResults=5000)
        req = urllib.request.Request("%s/engine-rest/history/%s?%s" % (admin.base, path, urllib.parse.urlencode(query)),
                                     headers={"Authorization": auth, "Accept": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            page = json.loads(r.read())
        rows += page
        if len(page) < 5000:
            return rows
        first += 5000


drafted = history("external-task-log", successLog="true", topicName="draft-text")
drafts_per_instance = Counter(r["processInstanceId"] for r in drafted)
drafted_twice = [p for p, n in drafts_per_instance.items() if n > 1]
drafts_by_node = Counter((r.get("workerId") or "?").rsplit("-", 1)[0] for r in drafted)
jobs = history("job-log", successLog="true")
jobs_by_node = Counter(r["hostname"] for r in jobs)
jobs_by_activity = Counter("%s@%s" % (r["activityId"], r["hostname"]) for r in jobs)


def disclosures(cid):
    s, audit = admin.call("GET", "/api/cases/%d/audit" % cid)
    return sum(1 for e in audit["events"] if e["type"] == "DISCLOSED") if s == 200 else -1


def received(cid):
    """How many times the mail server accepted the case's letter (its Message-ID is fixed once)."""
    s, view = admin.call("GET", "/api/cases/%d" % cid)
    delivery = (view or {}).get("delivery") or {}
    return smtp.count(delivery["messageId"]) if delivery.get("status") == "SENT" else 0


with ThreadPoolExecutor(4) as pool:
    disclosed_count = dict(zip(ids, pool.map(disclosures, ids)))
    received_count = dict(zip(ids, pool.map(received, ids)))
letters_twice = [c for c, n in received_count.items() if n > 1]
letters_never = [c for c, n in received_count.items() if n < 1]
twice = [c for c, n in disclosed_count.items() if n > 1]
never = [c for c, n in disclosed_count.items() if n < 1]
s, verify = admin.call("GET", "/api/audit/verify")

print("two-node result: %d cases in %.0f s (%.2f cases/s end to end)" % (len(ids), elapsed, len(ids) / elapsed))
for name in nodes:
    print("  %s: filed %d; expert steps %s; AI drafts %d; engine jobs %d" % (
        name, len(filed[name]), dict(completed[name]), drafts_by_node[name], jobs_by_node[name]))
print("  jobs by activity and node: %s" % dict(sorted(jobs_by_activity.items())))
print("  AI drafts by worker: %s" % dict(drafts_by_node))
print("  AI drafts: %d for %d process instances; drafted twice: %d; provider calls: %d"
      % (len(drafted), len(drafts_per_instance), len(drafted_twice), provider.calls))
print("  disclosed: %d; disclosed twice: %d; never disclosed: %d %s"
      % (len(ids) - len(not_disclosed), len(twice), len(never), dict(list(not_disclosed.items())[:10])))
print("  letters received by the mail server: %d for %d cases; received twice: %d; never received: %d %s"
      % (sum(smtp.all().values()), len(ids), len(letters_twice), len(letters_never), letters_never[:10]))
print("  audit verification: %s" % verify)
ok = (not not_disclosed and not twice and not never and not letters_twice and not letters_never and not drafted_twice and len(drafts_per_instance) == len(ids)
      and all(drafts_by_node[n] > 0 and jobs_by_node[n] > 0 for n in nodes)
      and isinstance(verify, dict) and verify.get("broken") == [])
print("two-node check: %s" % ("OK" if ok else "FAILED"))
sys.exit(0 if ok else 1)
