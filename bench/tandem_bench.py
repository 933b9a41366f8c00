"""Shared pieces of the bench/ campaigns: the app as a child process (started from the jar, killed
with SIGKILL together with its embedded PostgreSQL), a person's HTTP session with the CSRF exchange,
a fake OpenAI-compatible provider whose behaviour the campaign switches at run time, and a small SMTP
server that records every message it accepts (by Message-ID) and can refuse service."""
import http.client
import http.cookiejar
import http.server
import json
import os
import random
import re
import signal
import socket
import socketserver
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("TANDEM_JAR") or os.path.join(ROOT, "backend", "target", "tandem.jar")

# long enough for the reply letter's guardrails (300 characters at least, the adviser's signature and a
# closing formula): a draft that fails them is regenerated once, and the campaigns would count two calls
LETTER = ("Madame, Monsieur,\n\nNous avons bien reçu votre message au sujet de votre dossier. "
          "Votre remboursement a été validé et le virement vous parviendra sous trois jours ouvrés, "
          "sur le compte que vous nous avez indiqué. Si vous avez la moindre question, votre conseiller "
          "reste à votre écoute.\n\n"
          "Nous vous prions d'agréer nos sincères salutations.\n\nVotre conseiller")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_jar():
    if not os.path.exists(JAR):
        subprocess.run(["mvn", "-B", "-ntp", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)


class FakeProvider:
    """OpenAI-compatible /v1/chat/completions. mode: ok | error | hang | malformed; latency in seconds."""

    def __init__(self, latency=0.0):
        self.mode = "ok"
        self.latency = latency
        self.calls = 0
        self.lock = threading.Lock()
        provider = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                with provider.lock:
                    provider.calls += 1
                mode = provider.mode
                if mode == "hang":
                    time.sleep(3600)
                    return
                if provider.latency:
                    time.sleep(provider.latency)
                if mode == "error":
                    body = b'{"error":{"message":"upstream overloaded"}}'
                    self.send_response(503)
                elif mode == "malformed":
                    body = b'{"choices":[{"message":{"content": "tronqu'
                    self.send_response(200)
                else:
                    body = json.dumps({
                        "id": "chatcmpl-bench", "object": "chat.completion", "created": int(time.time()),
                        "model": "bench-model",
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": LETTER}}],
                        "usage": {"prompt_tokens": 400, "completion_tokens": 120, "total_tokens": 520},
                    }).encode()
                    self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # the app was killed while its call was in flight: expected in the campaigns

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return "http://127.0.0.1:%d/v1" % self.server.server_address[1]


class FakeSmtp:
    """A mail server on the loopback: accepts every message and records it by Message-ID (a message
    received twice is counted twice). mode: ok | down (answers 421 to every connection, as a server
    that refuses service)."""

    def __init__(self):
        self.mode = "ok"
        self.lock = threading.Lock()
        self.received = {}  # Message-ID -> number of times accepted
        self.accepted_at = {}  # Message-ID -> when each copy was accepted (time.time())
        smtp = self

        class Handler(socketserver.StreamRequestHandler):
            def send(self, line):
                self.wfile.write((line + "\r\n").encode())
                self.wfile.flush()

            def handle(self):
                try:
                    if smtp.mode == "down":
                        self.send("421 4.3.2 service indisponible (banc d'essai)")
                        return
                    self.send("220 banc-essai ESMTP")
                    while True:
                        line = self.rfile.readline()
                        if not line:
                            return
                        verb = line.decode(errors="replace").strip().split(" ")[0].upper()
                        if verb == "EHLO":
                            self.wfile.write(b"250-banc-essai\r\n250 8BITMIME\r\n")
                            self.wfile.flush()
                        elif verb in ("HELO", "MAIL", "RCPT", "RSET", "NOOP"):
                            self.send("250 OK")
                        elif verb == "DATA":
                            self.send("354 fin par une ligne avec un point")
                            message_id = None
                            while True:
                                data = self.rfile.readline()
                                if not data:
                                    return  # the client died in the middle: nothing accepted
                                if data in (b".\r\n", b".\n"):
                                    break
                                if message_id is None and data.lower().startswith(b"message-id:"):
                                    message_id = data.split(b":", 1)[1].strip().decode()
                            with smtp.lock:
                                smtp.received[message_id] = smtp.received.get(message_id, 0) + 1
                                smtp.accepted_at.setdefault(message_id, []).append(time.time())
                            self.send("250 2.0.0 accepte")
                        elif verb == "QUIT":
                            self.send("221 au revoir")
                            return
                        else:
                            self.send("502 commande inconnue")
                except (ConnectionError, OSError):
                    pass

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

            def handle_error(self, request, client_address):
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def port(self):
        return self.server.server_address[1]

    def args(self):
        """The app's settings that send its letters and e-mails here, with quick retries and recovery."""
        return ["--spring.mail.host=127.0.0.1", "--spring.mail.port=%d" % self.port, "--tandem.delivery.transport=SMTP",
                "--tandem.delivery.retry-cycle=PT1S,PT2S", "--tandem.delivery.recovery-interval=2s"]

    def count(self, message_id):
        with self.lock:
            return self.received.get(message_id, 0)

    def all(self):
        with self.lock:
            return dict(self.received)

    def times(self, message_id):
        """When each copy of the message was accepted, oldest first."""
        with self.lock:
            return list(self.accepted_at.get(message_id, []))


class App:
    """The jar with the demo profile and a data folder that survives kills."""

    def __init__(self, data_dir, port=None, provider=None, extra=(), log="app.log", env=None, quick_start=False,
                 ai_timeout=None, smtp=None, profile="demo", launcher=None):
        self.data_dir = data_dir
        # launcher: the script deploy/install.sh writes (extracted jar, class data archive) instead of java -jar
        self.launcher = launcher
        # profile=None: as installed, outside the demo (an administrator's password, nothing else)
        self.profile = profile
        if ai_timeout:
            # each use case file sets its model call's time-out (60 s for a letter); a campaign that wants
            # short ones runs on copies of the files with its own, as an operator would set them
            self.use_cases = use_cases_with_timeout(os.path.join(os.path.dirname(data_dir), "use-cases"), ai_timeout)
            extra = list(extra) + ["--tandem.use-cases.location=file:%s/" % self.use_cases,
                                   "--tandem.ai.timeout=%s" % ai_timeout]
        # the crash campaign restarts the app a hundred times: C1 only starts faster; throughput
        # measurements keep the JVM's full JIT, as in production
        self.jvm = (["-XX:TieredStopAtLevel=1"] if quick_start else []) + os.environ.get("BENCH_JVM_ARGS", "").split()
        if smtp:
            extra = list(extra) + smtp.args()
        else:
            # no mail server: the demo writes its letters and e-mails as .eml files beside the data, not in the repo
            extra = list(extra) + ["--tandem.delivery.outbox=%s" % os.path.join(os.path.dirname(data_dir), "outbox")]
        self.port = port or free_port()
        self.db_port = free_port()
        self.provider = provider
        self.extra = list(extra)
        self.log = log
        self.env = env or {}
        self.proc = None

    def start(self, timeout=300):
        env = dict(os.environ)
        env.update(self.env)
        if self.provider:
            env.update({"TANDEM_AI_PROVIDER": "openai-compatible", "TANDEM_AI_BASE_URL": self.provider.url,
                        "TANDEM_AI_MODEL": "bench-model", "TANDEM_AI_API_KEY": "bench"})
        else:
            env["TANDEM_AI_PROVIDER"] = "offline"
        if not self.profile:
            env.setdefault("TANDEM_ADMIN_PASSWORD", "Banc-d-essai-2026!")
        if self.launcher:
            env["JAVA_OPTS"] = " ".join(self.jvm + ["-Xss512k"])
            command = [self.launcher]
        else:
            ensure_jar()
            command = ["java"] + self.jvm + ["-Xss512k", "-jar", JAR]
        args = command + (
                ["--spring.profiles.active=" + self.profile] if self.profile else []) + [
                "--server.port=%d" % self.port, "--tandem.embedded-db.data-dir=%s" % self.data_dir,
                "--tandem.embedded-db.port=%d" % self.db_port, "--tandem.knowledge.demo-corpus=false",
                "--tandem.login.max-failures-per-address=100000",
                # the demo's replayed history would add its own cases (and a JVM-wide clock) to the counts
                "--tandem.demo.history=false"] + self.extra
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        t0 = time.time()
        while time.time() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError("the app stopped during start-up, see " + self.log)
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/actuator/health/readiness" % self.port, timeout=2) as r:
                    if r.status == 200:
                        return time.time() - t0
            except Exception:
                pass
            time.sleep(0.5)
        raise RuntimeError("the app was not ready after %d s" % timeout)

    def postgres_pid(self):
        try:
            with open(os.path.join(self.data_dir, "postmaster.pid")) as f:
                return int(f.readline().strip())
        except (OSError, ValueError):
            return None

    def kill9(self):
        """A crash of the machine: the JVM and its PostgreSQL die at once, nothing is flushed politely."""
        pg = self.postgres_pid()
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.killed_at = time.time()  # the JVM is gone: it sends nothing after this
        if pg:
            try:
                os.kill(pg, signal.SIGKILL)
            except ProcessLookupError:
                pass
        # the postmaster's children end when it dies; wait until the data folder is free
        for _ in range(100):
            if not self._alive(pg):
                break
            time.sleep(0.1)

    def stop(self):
        if not terminate(self.proc):
            self.kill9()

    @staticmethod
    def _alive(pid):
        if not pid:
            return False
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False

    def session(self, user, keep_alive=False):
        return Session("http://127.0.0.1:%d" % self.port, user, keep_alive)


class KeepAlive:
    """One persistent HTTP/1.1 connection with its cookies, as a browser keeps one: no TCP connection opened and
    closed per call (urllib closes each one). A call on a connection the server has just closed (idle, or its
    maximum of calls per connection) is sent again on a new one: the server never read it."""

    def __init__(self, base, headers=None):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.headers = dict(headers or {})
        self.cookies = {}
        self.conn = None

    def call(self, method, path, data, headers, timeout=60):
        """(status, decoded JSON body or text), an error status included, as http_json."""
        headers = dict(self.headers, Accept="application/json", **headers)
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % c for c in self.cookies.items())
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
            try:
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                raw = response.read()
                break
            except Exception as e:
                # a failed connection is not used again (http.client would refuse every later request on it)
                self.conn.close()
                self.conn = None
                closed = isinstance(e, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError))
                if attempt == 2 or not closed:
                    raise
        if response.will_close:
            self.conn.close()
            self.conn = None
        for cookie in response.headers.get_all("Set-Cookie") or []:
            pair, _, attributes = cookie.partition(";")
            name, _, value = pair.strip().partition("=")
            if "max-age=0" in attributes.lower().replace(" ", "") or not value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        try:
            return response.status, (json.loads(raw) if raw else None)
        except ValueError:
            return response.status, raw.decode(errors="replace")


class Session:
    """A person's browser session: form login, its session and XSRF cookies. keep_alive=True: one persistent
    connection (KeepAlive), as a browser's; otherwise urllib, one connection per call."""

    def __init__(self, base, user, keep_alive=False):
        self.base = base
        self.user = user
        self.keep_alive = KeepAlive(base) if keep_alive else None
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.call("GET", "/api/me")
        status, _ = self.form("/login", "username=%s&password=%s" % (user, user))
        if status != 200:
            raise RuntimeError("login of %s: %s" % (user, status))

    def _xsrf(self):
        if self.keep_alive:
            return self.keep_alive.cookies.get("XSRF-TOKEN", "")
        for c in self.jar:
            if c.name == "XSRF-TOKEN":
                return c.value
        return ""

    def form(self, path, body):
        return self._send("POST", path, body.encode(), "application/x-www-form-urlencoded")

    def call(self, method, path, body=None, timeout=60):
        data = None if body is None else json.dumps(body).encode()
        return self._send(method, path, data, "application/json", timeout)

    def _send(self, method, path, data, content_type, timeout=60):
        headers = {"Content-Type": content_type}
        if method != "GET":
            headers["X-XSRF-TOKEN"] = self._xsrf()
        if self.keep_alive:
            return self.keep_alive.call(method, path, data, headers, timeout)
        return http_json(self.opener.open, method, self.base + path, data, headers, timeout)


def http_json(open_url, method, url, data, headers, timeout=60):
    """One HTTP call that expects JSON: (status, decoded body or text), an error status included."""
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Accept", "application/json")
    for name, value in headers.items():
        req.add_header(name, value)
    try:
        with open_url(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw) if raw else None
        except ValueError:
            return e.code, raw.decode(errors="replace")


def terminate(proc, timeout=60):
    """Asks a child process to stop (SIGTERM) and waits; False when it is still running after the time-out."""
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return False
    return True


def stat_cpu(path):
    """(name, CPU seconds so far: user + system) of a process or thread, from its /proc/…/stat file; raises
    OSError once it has ended."""
    with open(path) as f:
        stat = f.read()
    fields = stat.rsplit(")", 1)[1].split()
    return stat[stat.index("(") + 1:stat.rindex(")")], (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu(pid):
    """CPU seconds a JVM's threads spent so far, by kind: the JIT compilers, the garbage collector, the rest (the
    application). A benchmark compares steady states: CPU still going to the JIT says the warm-up was too short."""
    kinds = {"jit": 0.0, "gc": 0.0, "app": 0.0}
    for name, seconds in thread_groups(pid).items():
        kind = "jit" if "CompilerThre" in name else "gc" if name.startswith(("GC Thread", "G1 ")) else "app"
        kinds[kind] += seconds
    return kinds


def thread_groups(pid):
    """CPU seconds a JVM's threads spent so far, by name without its number (http-nio-…-exec-7 → http-nio-…-exec):
    which part of the application a case's CPU goes to."""
    groups = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            name, seconds = stat_cpu("/proc/%d/task/%s/stat" % (pid, tid))
        except OSError:
            continue  # a thread that ended meanwhile
        group = re.sub(r"[-#]?\d+$", "", name)
        groups[group] = groups.get(group, 0.0) + seconds
    return groups


def use_cases_with_timeout(folder, timeout):
    os.makedirs(folder, exist_ok=True)
    source = os.path.join(ROOT, "processes", "use-cases")
    for name in os.listdir(source):
        with open(os.path.join(source, name), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(re.sub(r"(?m)^(\s+timeout:\s*)PT\w+", lambda m: m.group(1) + timeout, text))
    return folder


def open_letter(alice, tag):
    return alice.call("POST", "/api/cases", {
        "useCaseKey": "reply-letter", "memberId": "M-1001", "subject": "Banc d'essai %s" % tag,
        "message": "Bonjour, où en est le remboursement de mon sinistre ? Merci."})


def work_tasks(sessions, only_cases=None, approve=True):
    """Moves every visible content task one step as a person would. Returns what was done."""
    done = []
    for s in sessions:
        status, page = s.call("GET", "/api/tasks?size=100&counts=false")
        if status != 200:
            continue
        for t in page["items"]:
            case_id = t.get("caseId")
            if case_id is None or (only_cases is not None and case_id not in only_cases):
                continue
            key = t["taskKey"]
            if key == "review":
                body = {"decision": "ACCEPT"}
            elif key in ("edit", "handDraft"):
                body = {"decision": "SUBMIT", "text": LETTER}
            elif key == "approve" and approve:
                body = {"decision": "APPROVE"}
            else:
                continue
            if body["decision"] in ("ACCEPT", "APPROVE"):
                # the full-display rule: the screen sends the time the text and its sources were displayed with
                # the decision, as the task page does
                body["displayedMs"] = 4000
                # four seconds is faster than the reading floor (issue 17): the bench's reviewers confirm, as
                # the screen lets a person do, and are counted as fast approvals
                body["confirmFastApproval"] = True
            status, _ = s.call("POST", "/api/tasks/%s/complete" % t["id"], body)
            done.append((case_id, key, s.user, status))
    return done
