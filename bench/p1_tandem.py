"""P1, Tandem's side: content cases end to end through the API (adviser files, the fake provider
answers at once, an expert accepts and approves, the disclosure runs) — cases per second.
P1_PROFILE=1: also the CPU per case of the JVM and of its PostgreSQL, and pg_stat_statements' counts.
P1_CENSUS=1 (with P1_PROFILE=1): also the transactions per case, each named by its first three statements, and the
statements run outside a transaction, from PostgreSQL's log of the measured cases."""
import collections
import glob
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tandem_bench import App, FakeProvider, open_letter, stat_cpu, thread_cpu, thread_groups, work_tasks  # noqa: E402

cases = int(sys.argv[1]) if len(sys.argv) > 1 else 200
# both sides first run cases that are not counted, so that the ratio compares steady states, not JIT warm-ups: after
# 50 cases the JIT compilers still took 41 ms of CPU per Tandem case (the application's own threads 186 ms), after
# 500 24 ms (129), after 2,000 15 ms (93); each side prints its JIT's share of the measured run
warmup = int(os.environ.get("WARMUP", "1000"))
reviewers = int(os.environ.get("REVIEWERS", "4"))
# advisers filing at once: one alone measures the latency of a filing, not what the app sustains
filers = int(os.environ.get("FILERS", "4"))


def psql(app, sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(app.db_port), "-U", "postgres", "-Atc", sql],
                          capture_output=True, text=True, check=True).stdout


def cpu_seconds(pids):
    total = 0.0
    for pid in pids:
        try:
            total += stat_cpu("/proc/%d/stat" % pid)[1]
        except OSError:
            pass  # a backend that ended meanwhile
    return total


def postgres_pids():
    # the app's PostgreSQL: its postmaster and the postmaster's children (one backend per connection)
    root = app.postgres_pid()
    pids = [root]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == root:
                        pids.append(int(entry))
            except OSError:
                pass
    return pids


work = tempfile.mkdtemp(prefix="tandem-p1-")
app = App(os.path.join(work, "postgres"), provider=FakeProvider(latency=0), log=os.path.join(work, "app.log"),
          extra=["--tandem.worker.poll-interval=100ms"])
app.start()
profile = os.environ.get("P1_PROFILE") == "1"
census = profile and os.environ.get("P1_CENSUS") == "1"
pglog = os.path.join(work, "pglog")
if profile:
    # P1_PROFILE=1: the database's own counts (pg_stat_statements, loaded at the server's start: one restart)
    # and the CPU each side spent per case, printed after the figure (needs psql on the PATH)
    psql(app, "alter system set shared_preload_libraries = 'pg_stat_statements'")
    if census:
        os.makedirs(pglog, exist_ok=True)
        os.chmod(pglog, 0o777)
        psql(app, "alter system set logging_collector = on")
        psql(app, "alter system set log_directory = '%s'" % pglog)
        psql(app, "alter system set log_line_prefix = '%m|%p|'")
    app.stop()
    app.start()
    psql(app, "create extension if not exists pg_stat_statements")
# each person on one persistent connection, as a browser (tandem_bench.KeepAlive); the peer's side does the same
alice = app.session("alice", keep_alive=True)
experts = [app.session("bob", keep_alive=True) for _ in range(reviewers)]
ids, lock, running = [], threading.Lock(), True
statuses = {}


advisers = [app.session("alice", keep_alive=True) for _ in range(filers)]


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
            # older ones than the list shows (more than 200 cases): one by one, oldest first, up to the first one
            # still open (cases are disclosed about in the order they were filed): asking for each of hundreds
            # of pending cases every half second cost the app 4 % of its request threads' CPU
            for cid in sorted(c for c in pending if c not in listed):
                s, body = alice.call("GET", "/api/cases/%d" % cid)
                if s != 200 or body.get("status") != "DISCLOSED":
                    break
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
threads0, groups0 = thread_cpu(app.proc.pid), thread_groups(app.proc.pid)
if profile:
    psql(app, "select pg_stat_statements_reset()")
    if census:
        psql(app, "alter system set log_min_duration_statement = 0")
        psql(app, "select pg_reload_conf()")
    cpu0 = (cpu_seconds([app.proc.pid]), cpu_seconds(postgres_pids()))
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
threads1, groups1 = thread_cpu(app.proc.pid), thread_groups(app.proc.pid)
if census:
    psql(app, "alter system set log_min_duration_statement = -1")
    psql(app, "select pg_reload_conf()")
if profile:
    java, pg = cpu_seconds([app.proc.pid]) - cpu0[0], cpu_seconds(postgres_pids()) - cpu0[1]
    calls, exec_ms = psql(app, "select sum(calls), round(sum(total_exec_time)) from pg_stat_statements").strip().split("|")
    spent = {g: (groups1[g] - groups0.get(g, 0.0)) * 1000 / cases for g in groups1}
    print("P1 profile: JVM CPU per case by thread (Linux names them on 15 characters): " + ", ".join(
        "%s %.1f ms" % (g, ms) for g, ms in sorted(spent.items(), key=lambda i: -i[1]) if ms >= 0.5))
    print("P1 profile: CPU per case: Java %.0f ms, PostgreSQL %.0f ms (backends that ended during the run not "
          "counted); statements per case %.0f, execution time per case %.1f ms; most time:"
          % (java * 1000 / cases, pg * 1000 / cases, int(calls) / cases, float(exec_ms) / cases))
    # P1_PROFILE_ORDER=calls: the statements run most often instead (what one step does per case)
    order, top = ("calls", 60) if os.environ.get("P1_PROFILE_ORDER") == "calls" else ("total_exec_time", 15)
    print(psql(app, "select calls, round(total_exec_time::numeric, 1), left(regexp_replace(query, '\\s+', ' ', 'g'), 140)"
                    " from pg_stat_statements order by %s desc limit %d" % (order, top)), end="")
app.stop()


def print_census():
    """Each backend's statements in order (the log's executes), cut at BEGIN and COMMIT or ROLLBACK."""
    records = []
    for name in sorted(glob.glob(os.path.join(pglog, "*.log"))):
        with open(name, errors="replace") as f:
            for line in f:
                m = re.match(r"^\d{4}-\d\d-\d\d [\d:.]+ \w+\|(\d+)\|(.*)$", line)
                if m:
                    records.append([m.group(1), m.group(2)])
                elif records:
                    records[-1][1] += " " + line.strip()
    open_tx, transactions, alone = {}, collections.Counter(), collections.Counter()
    for pid, message in records:
        m = re.match(r"LOG:\s+duration: [\d.]+ ms\s+(?:execute [^:]*|statement): (.*)", message)
        if not m:
            continue
        sql = re.sub(r"\s+", " ", m.group(1)).strip()
        word = sql.split(" ", 1)[0].upper()
        if word == "BEGIN":
            open_tx[pid] = []
        elif word in ("COMMIT", "ROLLBACK"):
            if pid in open_tx:
                transactions[" || ".join(s[:60] for s in open_tx.pop(pid)[:3])] += 1
        elif pid in open_tx:
            open_tx[pid].append(sql)
        else:
            alone[sql[:100]] += 1
    print("P1 census: %.1f transactions per case, by their first three statements:" % (sum(transactions.values()) / cases))
    for text, count in transactions.most_common(25):
        print("  %5.2f  %s" % (count / cases, text))
    print("P1 census: %.1f statements per case outside a transaction:" % (sum(alone.values()) / cases))
    for text, count in alone.most_common(15):
        print("  %5.2f  %s" % (count / cases, text))


if census:
    print_census()
print("P1 Tandem: %d cases in %.1f s = %.2f cases/s (%d not disclosed)" % (cases, elapsed, cases / elapsed, len(pending)))
# 409: two reviewers took the same task, the loser is told to reload; a 5xx would be a fault
print("P1 reviewer answers by status: %s" % dict(sorted(statuses.items())))
print("P1 Tandem JVM CPU per case: application %.0f ms, JIT compilers %.0f ms, garbage collector %.0f ms (after %d "
      "warm-up cases)" % (tuple((threads1[k] - threads0[k]) * 1000 / cases for k in ("app", "jit", "gc")) + (warmup,)))
