"""What another local process can send the kernel's sockets: nothing may kill a channel thread.

Each test sends from 127.0.0.1 only, a bounded amount of data (no frame is actually allocated at the
size it announces), then checks that the shell and control channels still answer. The kernel is started
for this module alone, so that a test that breaks it does not break the other modules' kernel.
"""
import hashlib
import hmac
import json
import socket
import struct
import time
import uuid

import subprocess

import pytest
import zmq

from conftest import Kernel, kernel_jar

MAX_MESSAGE_BYTES = 256 << 20   # KernelProcess.MAX_MESSAGE_BYTES


@pytest.fixture(scope="module")
def k():
    kernel = Kernel()
    yield kernel
    kernel.stop()


def port(k, channel):
    return k.km.get_connection_info()[channel + "_port"]


def signed_frames(k, header, content, parent=None, metadata=None):
    """The wire frames of a message, signed with the kernel's key (header given as is)."""
    parts = [json.dumps(p).encode() for p in (header, parent or {}, metadata or {}, content)]
    mac = hmac.new(k.km.session.key, digestmod=hashlib.sha256)
    for p in parts:
        mac.update(p)
    return [b"<IDS|MSG>", mac.hexdigest().encode()] + parts


def header(msg_type):
    h = {"msg_id": uuid.uuid4().hex, "session": "hostile", "username": "test",
         "date": "2026-12-07T00:00:00.000000Z", "version": "5.3"}
    if msg_type is not None:
        h["msg_type"] = msg_type
    return h


def dealer(k, channel):
    ctx = zmq.Context.instance()
    s = ctx.socket(zmq.DEALER)
    s.setsockopt(zmq.LINGER, 0)
    s.connect(f"tcp://127.0.0.1:{port(k, channel)}")
    return s


def replies(s, wait_s, until=None):
    """The messages that arrive on ``s`` within ``wait_s`` seconds, or until one of type ``until``."""
    out = []
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if s.poll(int(max(1, (deadline - time.monotonic()) * 1000))):
            frames = s.recv_multipart()
            out.append(json.loads(frames[frames.index(b"<IDS|MSG>") + 2]))
            if out[-1]["msg_type"] == until:
                break
    return out


def assert_alive(k):
    """The shell runs a cell and the control channel answers kernel_info."""
    assert k.value("20 + 22") == "42"
    c = dealer(k, "control")
    try:
        c.send_multipart(signed_frames(k, header("kernel_info_request"), {}))
        got = replies(c, 10, until="kernel_info_reply")
        assert any(m["msg_type"] == "kernel_info_reply" for m in got), got
    finally:
        c.close()


@pytest.mark.parametrize("channel", ["shell", "control"])
@pytest.mark.parametrize("bad_header", [header(None), {}, header(""), {**header(None), "msg_type": 7}],
                         ids=["no-msg_type", "empty", "empty-msg_type", "numeric-msg_type"])
def test_signed_message_without_msg_type_does_not_kill_the_channel(k, channel, bad_header):
    s = dealer(k, channel)
    try:
        s.send_multipart(signed_frames(k, bad_header, {"code": "1"}))
        assert replies(s, 0.5) == []
    finally:
        s.close()
    assert_alive(k)


MALFORMED = {   # signed, so they pass the signature check; each part of the wrong shape
    "content-list": lambda: [header("execute_request"), {}, {}, []],
    "content-null": lambda: [header("execute_request"), {}, {}, None],
    "code-number": lambda: [header("execute_request"), {}, {}, {"code": 5}],
    "code-object": lambda: [header("execute_request"), {}, {}, {"code": {"a": 1}, "silent": "yes"}],
    "parent-number": lambda: [header("execute_request"), 5, {}, {"code": "1"}],
    "header-list": lambda: [[1, 2], {}, {}, {"code": "1"}],
    "msg_id-number": lambda: [{**header("kernel_info_request"), "msg_id": 7}, {}, {}, {}],
    "complete-bad": lambda: [header("complete_request"), {}, {}, {"code": None, "cursor_pos": "x"}],
    "inspect-far": lambda: [header("inspect_request"), {}, {}, {"code": "abc", "cursor_pos": 999999}],
    "history-bad": lambda: [header("history_request"), {}, {}, {"hist_access_type": "range", "n": "x"}],
    "comm-bad": lambda: [header("comm_open"), {}, {}, {"comm_id": None, "target_name": 5}],
}


@pytest.mark.parametrize("channel", ["shell", "control"])
@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_signed_message_of_the_wrong_shape_does_not_kill_the_channel(k, channel, case):
    header_, parent, metadata, content = MALFORMED[case]()
    parts = [json.dumps(p).encode() for p in (header_, parent, metadata, content)]
    mac = hmac.new(k.km.session.key, digestmod=hashlib.sha256)
    for p in parts:
        mac.update(p)
    s = dealer(k, channel)
    try:
        s.send_multipart([b"<IDS|MSG>", mac.hexdigest().encode()] + parts)
        replies(s, 0.5)
    finally:
        s.close()
    assert_alive(k)


def test_frames_that_are_not_a_message_do_not_kill_the_channel(k):
    s = dealer(k, "shell")
    try:
        s.send_multipart([b"<IDS|MSG>", b"sig", b"not json", b"{}", b"{}", b"{}"])
        s.send_multipart([b"junk"])
        s.send_multipart([b""] * 50)
    finally:
        s.close()
    assert_alive(k)


def zmtp_greeting_and_ready():
    """A ZMTP 3.0 client handshake (NULL mechanism) of a DEALER socket."""
    greeting = b"\xff" + b"\x00" * 8 + b"\x7f" + bytes([3, 0]) + b"NULL".ljust(20, b"\x00") + b"\x00" * 32
    prop = bytes([11]) + b"Socket-Type" + struct.pack(">I", 6) + b"DEALER"
    body = bytes([5]) + b"READY" + prop
    return greeting, bytes([0x04, len(body)]) + body


def test_frame_over_the_size_limit_is_refused_and_the_kernel_answers(k):
    """A raw TCP client announces a 1 GiB frame (sending 64 KB of it): the kernel drops the connection
    (ZMQ_MAXMSGSIZE) instead of allocating it in jeromq's I/O thread."""
    with socket.create_connection(("127.0.0.1", port(k, "shell")), timeout=5) as raw:
        greeting, ready = zmtp_greeting_and_ready()
        raw.sendall(greeting)
        raw.recv(64)
        raw.sendall(ready)
        announced = 1 << 30
        assert announced > MAX_MESSAGE_BYTES
        raw.sendall(bytes([0x02]) + struct.pack(">Q", announced) + b"\x00" * 65536)
        time.sleep(0.5)
    assert_alive(k)


def test_replayed_signed_request_runs_once(k):
    k.execute("int replays = 0;")
    s = dealer(k, "shell")
    try:
        frames = signed_frames(k, header("execute_request"),
                               {"code": "replays++;", "silent": False, "store_history": False,
                                "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        for _ in range(3):
            s.send_multipart(frames)
        got = [m for m in replies(s, 3) if m["msg_type"] == "execute_reply"]
        assert len(got) == 1, got
    finally:
        s.close()
    assert k.value("replays") == "1"


def announce_frames(k, connections, size):
    """Raw TCP clients on the shell port, each announcing a frame of `size` bytes (sending 64 KB)."""
    held = []
    for _ in range(connections):
        raw = socket.create_connection(("127.0.0.1", port(k, "shell")), timeout=30)
        greeting, ready = zmtp_greeting_and_ready()
        try:
            raw.sendall(greeting)
            raw.recv(64)
            raw.sendall(ready)
            raw.sendall(bytes([0x02]) + struct.pack(">Q", size) + b"\x00" * 65536)
        except OSError:
            break   # the kernel stopped reading (or exited): enough was announced
        finally:
            held.append(raw)
    return held


def test_frames_that_exhaust_the_heap_end_the_kernel_instead_of_silencing_it(tmp_path):
    """Frames under the size limit, on several connections at once, can still ask jeromq's I/O thread
    for more than the heap (here a kernel with -Xmx160m; with -Xmx1g, four frames of 250 MB did it):
    that thread then dies of OutOfMemoryError and the kernel, its process still up, never answered
    again. Now it either answers or exits (so that Jupyter's restarter starts a new one and says so)."""
    prefix = tmp_path / "prefix"
    subprocess.run(["java", "-jar", kernel_jar(), "install", "--prefix", str(prefix), "--no-cds",
                    "--jvm-option", "-Xmx160m"], check=True, capture_output=True)
    k = Kernel(prefix / "share" / "jupyter" / "kernels")
    held = []
    try:
        held = announce_frames(k, 6, MAX_MESSAGE_BYTES - (1 << 20))
        for _ in range(100):
            if not k.km.is_alive():
                return   # it exited
            time.sleep(0.1)
        try:
            assert_alive(k)
        except Exception:
            for _ in range(300):
                if not k.km.is_alive():
                    break
                time.sleep(0.1)
            assert not k.km.is_alive(), "the kernel's process is up but it does not answer"
    finally:
        for raw in held:
            raw.close()
        k.kc.stop_channels()
        k.km.shutdown_kernel(now=True)
