"""Protocol details: kernel_info, analysis requests, history, comms, signatures, binding, lifecycle."""
import json
import re
import time

import psutil
import zmq
from jupyter_client.session import Session

from conftest import Kernel


def test_kernel_info_has_status_and_full_language_info(kernel):
    msg_id = kernel.kc.kernel_info()
    reply = kernel.reply_to(msg_id)
    c = reply["content"]
    assert c["status"] == "ok"
    assert c["protocol_version"].startswith("5.")
    info = c["language_info"]
    assert info["name"] == "java"
    assert re.match(r"\d+", info["version"])
    assert info["mimetype"] == "text/x-java-source"
    assert info["file_extension"] == ".jshell"
    assert info["pygments_lexer"] == "java"
    assert info["codemirror_mode"] == "text/x-java"


def test_is_complete(kernel):
    def status(code):
        msg_id = kernel.kc.is_complete(code)
        return kernel.reply_to(msg_id)["content"]

    assert status("int x = 1;")["status"] == "complete"
    assert status("%jars foo.jar\n1 + 1")["status"] == "complete"
    inc = status("for (int i = 0; i < 3; i++) {")
    assert inc["status"] == "incomplete"
    assert inc["indent"] == "    "
    assert status("int x = ;")["status"] == "invalid"


def test_complete(kernel):
    kernel.execute("int myCounter = 1;")
    code = "int y = myCou"
    msg_id = kernel.kc.complete(code, len(code))
    c = kernel.reply_to(msg_id)["content"]
    assert c["status"] == "ok"
    assert "myCounter" in c["matches"]
    assert code[c["cursor_start"]:c["cursor_end"]] == "myCou"


def test_inspect_shows_the_signature(kernel):
    code = "Math.max"
    msg_id = kernel.kc.inspect(code, len(code))
    c = kernel.reply_to(msg_id)["content"]
    assert c["status"] == "ok"
    assert c["found"] is True
    assert "max(int a, int b)" in c["data"]["text/plain"]


def test_comm_info(kernel):
    msg_id = kernel.kc.comm_info()
    c = kernel.reply_to(msg_id)["content"]
    assert c == {"status": "ok", "comms": {}}


def test_history_tail_range_search(kernel):
    kernel.execute("int historic = 7;")
    kernel.value("historic * 6")
    msg_id = kernel.kc.history(hist_access_type="tail", n=2, output=True, raw=True)
    hist = kernel.reply_to(msg_id)["content"]["history"]
    assert [h[2][0] for h in hist] == ["int historic = 7;", "historic * 6"]
    assert hist[1][2][1] == "42"
    session, line = hist[1][0], hist[1][1]
    msg_id = kernel.kc.history(hist_access_type="range", session=session, start=line, stop=line + 1,
                               output=False, raw=True)
    assert kernel.reply_to(msg_id)["content"]["history"] == [[session, line, "historic * 6"]]
    msg_id = kernel.kc.history(hist_access_type="search", pattern="*historic*", output=False, raw=True)
    found = kernel.reply_to(msg_id)["content"]["history"]
    assert [h[2] for h in found] == ["int historic = 7;", "historic * 6"]


def raw_connection(kernel, key=None):
    """A DEALER socket on the kernel's shell port and a Session signing with ``key``."""
    info = kernel.km.get_connection_info()
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.linger = 0
    sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    session = Session(key=key if key is not None else info["key"],
                      signature_scheme=info["signature_scheme"])
    return sock, session


def test_header_dates_have_microseconds(kernel):
    sock, session = raw_connection(kernel)
    session.send(sock, "kernel_info_request", {})
    assert sock.poll(10_000)
    frames = sock.recv_multipart()
    header = json.loads(frames[frames.index(b"<IDS|MSG>") + 2])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", header["date"]), header["date"]
    sock.close()


def test_message_with_wrong_signature_is_dropped(kernel):
    sock, session = raw_connection(kernel, key=b"not-the-key")
    session.send(sock, "execute_request", {"code": "int hacked = 1;", "silent": False})
    assert sock.poll(1500) == 0, "the kernel answered a badly signed message"
    sock.close()
    reply, _ = kernel.execute("hacked")
    assert reply["status"] == "error" and reply["ename"] == "CompilationException"


def test_sockets_bind_only_to_the_connection_address(kernel):
    info = kernel.km.get_connection_info()
    pid = kernel.km.provisioner.process.pid
    proc = psutil.Process(pid)
    conns = proc.net_connections(kind="inet") if hasattr(proc, "net_connections") else proc.connections(kind="inet")
    listening = [c for c in conns if c.status == psutil.CONN_LISTEN]
    ports = {info[p] for p in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
    assert {c.laddr.port for c in listening} == ports
    # Java binds dual-stack sockets; an IPv4-mapped address is still only that IPv4 address
    assert {c.laddr.ip.removeprefix("::ffff:") for c in listening} == {info["ip"]}


def test_restart_and_shutdown():
    k = Kernel()
    try:
        k.execute("int before = 1;")
        old_pid = k.km.provisioner.process.pid
        k.km.restart_kernel(now=False)
        k.kc.wait_for_ready(timeout=60)
        assert k.km.provisioner.process.pid != old_pid
        reply, _ = k.execute("before")
        assert reply["status"] == "error"
        assert k.value("1 + 1") == "2"
        msg_id = k.kc.shutdown()  # sent on the control channel
        while True:
            reply = k.kc.get_control_msg(timeout=10)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        assert reply["content"] == {"status": "ok", "restart": False}
        deadline = time.monotonic() + 10
        while k.km.is_alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not k.km.is_alive()
    finally:
        k.kc.stop_channels()
        if k.km.is_alive():
            k.km.shutdown_kernel(now=True)
