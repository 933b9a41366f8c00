"""P1, the peer's side (issue 18): bare Camunda 7 as a team would run it without Tandem
(bench/bare-camunda: Spring Boot, /engine-rest with HTTP Basic and authorizations, PostgreSQL with
durable commits), driven through its REST API by the same harness as Tandem's side (bench/p1_tandem.py):
four adviser sessions start the cases, a worker fetches and locks the AI step's external task and
completes it at once (the instant fake provider), four expert sessions each claim and complete the
review and the approval of their share of the cases (the decisions the gateways and the decision table
read sent with the completion); the asynchronous disclosure and delivery end each case."""
import base64
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tandem_bench import ROOT, KeepAlive, free_port, terminate, thread_cpu  # noqa: E402

PEER = os.path.join(ROOT, "bench", "bare-camunda")
JAR = os.path.join(PEER, "target", "bare-camunda-peer.jar")

cases = int(sys.argv[1]) if len(sys.argv) > 1 else 200
# the same warm-up as Tandem's side (bench/p1_tandem.py says why it is long)
warmup = int(os.environ.get("WARMUP", "1000"))
reviewers = int(os.environ.get("REVIEWERS", "4"))
filers = int(os.environ.get("FILERS", "4"))


class Peer:
    """The peer's jar on a free port with a fresh embedded PostgreSQL."""

    def __init__(self, work):
        self.port = free_port()
        self.log = os.path.join(work, "peer.log")
        self.data = os.path.join(work, "postgres")
        self.proc = None

    def start(self, timeout=300):
        if not os.path.exists(JAR):
            subprocess.run(["mvn", "-B", "-ntp", "-q", "-DskipTests", "package"], cwd=PEER, check=True)
        args = ["java"] + os.environ.get("BENCH_JVM_ARGS", "").split() + [
            "-Xss512k", "-jar", JAR, "--server.port=%d" % self.port, "--peer.data-dir=%s" % self.data,
            "--peer.processes=%s" % os.path.join(ROOT, "processes")]
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        probe = Session("http://127.0.0.1:%d" % self.port, "alice")
        t0 = time.time()
        while time.time() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError("the peer stopped during start-up, see " + self.log)
            try:
                if probe.call("GET", "/engine-rest/process-definition/count?key=bare-content")[1]["count"] == 1:
                    return
            except Exception:
                pass
            time.sleep(0.5)
        raise RuntimeError("the peer was not ready after %d s" % timeout)

    def stop(self):
        if not terminate(self.proc):
            self.proc.kill()


class Session:
    """A person's HTTP client: HTTP Basic on every call, Camunda REST's own way of knowing who calls, on one
    persistent connection as Tandem's side (KeepAlive)."""

    def __init__(self, base, user):
        self.user = user
        auth = "Basic " + base64.b64encode(("%s:%s" % (user, user)).encode()).decode()
        self.http = KeepAlive(base, {"Authorization": auth})

    def call(self, method, path, body=None, timeout=60):
        data = None if body is None else json.dumps(body).encode()
        return self.http.call(method, path, data, {"Content-Type": "application/json"}, timeout)


work = tempfile.mkdtemp(prefix="bare-camunda-p1-")
peer = Peer(work)
peer.start()
base = "http://127.0.0.1:%d" % peer.port
alice = Session(base, "alice")
advisers = [Session(base, "alice") for _ in range(filers)]
experts = [Session(base, "bob") for _ in range(reviewers)]
worker = Session(base, "worker")
running = True
statuses = {}
lock = threading.Lock()


def value(v, kind=None, transient=False):
    typed = {"value": v}
    if kind:
        typed["type"] = kind
    if transient:
        typed["valueInfo"] = {"transient": True}
    return typed


# what Tandem's process reads (its case's id aside, which the business key stands for here): the groups of the
# use case, who asked, the due date that the tasks carry and the deadline timers wait for (five days ahead)
DUE = time.strftime("%Y-%m-%dT%H:%M:%S.000+0000", time.gmtime(time.time() + 5 * 86400))


def file(count, tag, adviser=alice):
    for n in range(count):
        status, _ = adviser.call("POST", "/engine-rest/process-definition/key/bare-content/start", {
            "businessKey": "%s-%d" % (tag, n),
            "variables": {"expertGroup": value("experts"), "approverGroup": value("experts"),
                          "requestedBy": value(adviser.user), "dueDate": value(DUE, "Date")}})
        if status != 200:
            raise RuntimeError("start: %s" % status)


def finished():
    return alice.call("GET", "/engine-rest/history/process-instance/count?processDefinitionKey=bare-content"
                             "&finished=true")[1]["count"]


def wait_finished(total, limit):
    while time.time() < limit:
        if finished() >= total:
            return 0
        time.sleep(0.5)
    return total - finished()


def ai_worker():
    # long polling, as Camunda's external task clients do; the draft is ready at once
    while running:
        try:
            status, locked = worker.call("POST", "/engine-rest/external-task/fetchAndLock", {
            "workerId": "bench", "maxTasks": 16, "asyncResponseTimeout": 1000,
            "topics": [{"topicName": "draft-text", "lockDuration": 60000}]})
            for task in locked if status == 200 else []:
                worker.call("POST", "/engine-rest/external-task/%s/complete" % task["id"], {"workerId": "bench"})
        except OSError:
            status = None  # the peer is stopping
        if status != 200:
            time.sleep(0.1)


# the decisions the gateways and the decision table read, transient as Tandem's (kept in Tandem's own tables)
DECISIONS = {
    "review": {"reviewDecision": value("ACCEPT", "String", True)},
    "approve": {"approvalDecision": value("APPROVE", "String", True), "checkedByHuman": value(True, "Boolean", True),
                "aiShare": value(1.0, "Double", True), "approvedBy": value("bob", "String", True)},
}


def review(s, k):
    while running:
        done = 0
        try:
            status, tasks = s.call("GET", "/engine-rest/task?candidateGroup=experts&sortBy=created&sortOrder=asc"
                                          "&maxResults=100")
            for t in tasks if status == 200 else []:
                # each expert works a share of the cases, as Tandem's side does
                if int(t["processInstanceId"].replace("-", ""), 16) % reviewers != k:
                    continue
                claimed, _ = s.call("POST", "/engine-rest/task/%s/claim" % t["id"], {"userId": s.user})
                completed, _ = (s.call("POST", "/engine-rest/task/%s/complete" % t["id"],
                                       {"variables": DECISIONS[t["taskDefinitionKey"]]}) if claimed == 204
                                else (claimed, None))
                with lock:
                    statuses[completed] = statuses.get(completed, 0) + 1
                done += 1
        except OSError:
            # the peer stopping under a call in flight (the thread used to die with a traceback); during the run
            # a connection lost is counted as status 0 and the expert goes on, as the AI worker does
            if running:
                with lock:
                    statuses[0] = statuses.get(0, 0) + 1
        if not done:
            time.sleep(0.05)


threading.Thread(target=ai_worker, daemon=True).start()
for k, e in enumerate(experts):
    threading.Thread(target=review, args=(e, k), daemon=True).start()
file(warmup, "warm-up")
wait_finished(warmup, time.time() + 1800)
threads0 = thread_cpu(peer.proc.pid)
t0 = time.time()
threads = [threading.Thread(target=file, args=(cases // filers + (1 if f < cases % filers else 0), "p1-%d" % f,
                                               advisers[f])) for f in range(filers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
missing = wait_finished(warmup + cases, t0 + 3600)
elapsed = time.time() - t0
threads1 = thread_cpu(peer.proc.pid)
running = False
print("P1 bare Camunda via REST: %d cases in %.1f s = %.2f cases/s (%d not finished)"
      % (cases, elapsed, cases / elapsed, missing))
# every case went the way Tandem's do: through the decision table to the delivery
delivered = alice.call("GET", "/engine-rest/history/activity-instance/count?processDefinitionKey=bare-content"
                              "&activityId=deliver&finished=true")[1]["count"]
decided = alice.call("GET", "/engine-rest/history/variable-instance/count?processDefinitionKey=bare-content"
                            "&variableName=disclosureCategory&variableValues=disclosureCategory_eq_AI_VALIDATED")
print("P1 peer cases delivered: %d, with the decision table's category: %s of %d"
      % (delivered, decided[1].get("count") if decided[0] == 200 else decided, warmup + cases))
print("P1 peer reviewer answers by status: %s" % dict(sorted(statuses.items())))
print("P1 peer JVM CPU per case: application %.0f ms, JIT compilers %.0f ms, garbage collector %.0f ms (after %d "
      "warm-up cases)" % (tuple((threads1[k] - threads0[k]) * 1000 / cases for k in ("app", "jit", "gc")) + (warmup,)),
      flush=True)
peer.stop()
