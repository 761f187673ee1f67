"""Comms and Jupyter widgets (issue #35): the comm protocol (comm_open, comm_msg, comm_close,
comm_info_request with and without target_name) from both sides, and the widget message protocol 2.1
as ipywidgets 8's front end speaks it (update, echo_update, request_state, request_states), with
dltheory.widgets from the library on top: an update round trip, an exception in a callback, the last
value winning under a slow callback, and changes handled while a cell runs."""
import time
import uuid
from pathlib import Path

import pytest

from conftest import Kernel

LIB = Path(__file__).resolve().parents[2] / "lib" / "target" / "dltheory-lib.jar"
WAIT = 30


@pytest.fixture(scope="module")
def wk():
    """A kernel of its own (the shared one must keep no comms open) with the library's widgets imported."""
    k = Kernel()
    reply, _ = k.execute(f"%jars {LIB}\nimport static dltheory.widgets.Widgets.*;\n"
                         "import dltheory.widgets.*;")
    assert reply["status"] == "ok", reply
    yield k
    k.stop()


def session(k):
    return k.kc.session


def send_shell(k, msg_type, content):
    """Sends a message on the shell channel as a front end does; returns its msg_id."""
    msg = session(k).msg(msg_type, content)
    k.kc.shell_channel.send(msg)
    return msg["header"]["msg_id"]


def comm_msg(k, comm_id, data):
    return send_shell(k, "comm_msg", {"comm_id": comm_id, "data": data})


def update(k, comm_id, state):
    return comm_msg(k, comm_id, {"method": "update", "state": state, "buffer_paths": []})


def iopub_until(k, pred, timeout=WAIT):
    """IOPub messages up to and including the first one for which pred holds."""
    seen = []
    deadline = time.monotonic() + timeout
    while True:
        m = k.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        seen.append(m)
        if pred(m):
            return seen


def run(k, code):
    """Runs a cell; returns (reply, every IOPub message of it, comm messages included)."""
    msg_id = k.kc.execute(code)
    seen = iopub_until(k, lambda m: m["msg_type"] == "status" and m["parent_header"].get("msg_id") == msg_id
                       and m["content"]["execution_state"] == "idle")
    return k.reply_to(msg_id)["content"], seen


def opened(seen, model):
    """The comm_open of the first widget of this model among the messages."""
    return next(m for m in seen if m["msg_type"] == "comm_open"
                and m["content"]["data"]["state"]["_model_name"] == model)


def output_update(comm_id):
    """A predicate: an update of the Output widget comm_id's outputs."""
    return lambda m: (m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id
                      and m["content"]["data"].get("method") == "update"
                      and "outputs" in m["content"]["data"]["state"])


def texts(outputs):
    return [o.get("text", "") or o.get("data", {}).get("text/plain", "") for o in outputs]


def make_interact(k, name, body):
    """Runs `var <name> = interact(<slider>, x -> body)`; returns the slider's and output's comm ids."""
    reply, seen = run(k, f'var {name}S = slider("{name}", 0.0, 1.0, 0.1, 0.5);\n'
                         f'var {name} = interact({name}S, x -> {body});\n{name}')
    assert reply["status"] == "ok", reply
    slider = opened(seen, "FloatSliderModel")["content"]["comm_id"]
    out = opened(seen, "OutputModel")["content"]["comm_id"]
    return slider, out, seen


def test_widget_opens_a_comm_with_the_protocol_version_and_full_state(wk):
    reply, seen = run(wk, 'var s = intSlider("n", 1, 9, 2, 3);\ns')
    assert reply["status"] == "ok", reply
    o = opened(seen, "IntSliderModel")
    assert o["content"]["target_name"] == "jupyter.widget"
    assert o["metadata"]["version"] == "2.1.0"
    state = o["content"]["data"]["state"]
    assert o["content"]["data"]["buffer_paths"] == []
    assert (state["_model_module"], state["_model_module_version"]) == ("@jupyter-widgets/controls", "2.0.0")
    assert (state["_view_name"], state["min"], state["max"], state["step"], state["value"]) == \
           ("IntSliderView", 1, 9, 2, 3)
    # the layout and style models are opened before the slider that refers to them
    layout = opened(seen, "LayoutModel")["content"]["comm_id"]
    style = opened(seen, "SliderStyleModel")["content"]["comm_id"]
    assert state["layout"] == "IPY_MODEL_" + layout and state["style"] == "IPY_MODEL_" + style
    result = next(m for m in seen if m["msg_type"] == "execute_result")["content"]["data"]
    assert result["application/vnd.jupyter.widget-view+json"] == {
        "version_major": 2, "version_minor": 0, "model_id": o["content"]["comm_id"]}
    assert result["text/plain"] == "IntSlider n = 3"
    # every kernel-side message of the cell has the cell's request as parent
    assert all(m["parent_header"]["msg_id"] == seen[0]["parent_header"]["msg_id"] for m in seen)


def test_interact_shows_its_current_output_beside_the_view(wk):
    """nbconvert and the static site know no widget view: the result also holds the figure of the
    last run (JupyterLab and Notebook 7 rank the view first)."""
    reply, seen = run(wk, 'var h = slider("h", 0.0, 1.0, 0.5, 0.5);\n'
                          'interact(h, x -> render("<b>h is " + x + "</b>", "text/html"))')
    assert reply["status"] == "ok", reply
    data = next(m for m in seen if m["msg_type"] == "execute_result")["content"]["data"]
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["text/html"] == "<b>h is 0.5</b>"
    assert data["text/plain"] == "h = 0.5\n<b>h is 0.5</b>"


def test_comm_info_lists_open_comms_and_filters_by_target(wk):
    reply, seen = run(wk, 'var shown = checkbox("shown", true);')
    cid = opened(seen, "CheckboxModel")["content"]["comm_id"]
    every = wk.reply_to(wk.kc.comm_info())["content"]
    assert every["status"] == "ok" and every["comms"][cid] == {"target_name": "jupyter.widget"}
    only = wk.reply_to(wk.kc.comm_info(target_name="jupyter.widget"))["content"]["comms"]
    assert cid in only and all(v == {"target_name": "jupyter.widget"} for v in only.values())
    assert wk.reply_to(wk.kc.comm_info(target_name="no.such.target"))["content"]["comms"] == {}
    # closed from the kernel: comm_close, and it is no longer listed
    reply, seen = run(wk, "shown.close();")
    assert any(m["msg_type"] == "comm_close" and m["content"]["comm_id"] == cid for m in seen)
    assert cid not in wk.reply_to(wk.kc.comm_info())["content"]["comms"]


def test_front_end_comm_to_unknown_target_is_closed(wk):
    cid = uuid.uuid4().hex
    msg_id = send_shell(wk, "comm_open", {"comm_id": cid, "target_name": "no.such.target", "data": {}})
    seen = iopub_until(wk, lambda m: m["msg_type"] == "comm_close")
    close = seen[-1]
    assert close["content"]["comm_id"] == cid and close["parent_header"]["msg_id"] == msg_id
    assert cid not in wk.reply_to(wk.kc.comm_info())["content"]["comms"]


def test_front_end_opens_a_comm_to_a_target_registered_from_java(wk):
    reply, _ = run(wk, 'dltheory.kernel.runtime.Comms.registerTarget("test.echo", (id, data) -> '
                       'msg -> dltheory.kernel.runtime.Comms.send(id, java.util.Map.of("got", msg, "opened", data)));')
    assert reply["status"] == "ok", reply
    cid = uuid.uuid4().hex
    send_shell(wk, "comm_open", {"comm_id": cid, "target_name": "test.echo", "data": {"x": 1}})
    info = wk.reply_to(wk.kc.comm_info(target_name="test.echo"))["content"]["comms"]
    assert info == {cid: {"target_name": "test.echo"}}
    msg_id = comm_msg(wk, cid, {"n": [1, 2.5, "three", None, True]})
    seen = iopub_until(wk, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == cid)
    assert seen[-1]["content"]["data"] == {"got": {"n": [1, 2.5, "three", None, True]}, "opened": {"x": 1}}
    assert seen[-1]["parent_header"]["msg_id"] == msg_id
    # the comm message is wrapped in busy/idle with itself as parent (ipywidgets' front end waits for that
    # idle before it sends the next change of a widget)
    states = [m["content"]["execution_state"] for m in
              iopub_until(wk, lambda m: m["msg_type"] == "status" and m["parent_header"].get("msg_id") == msg_id
                          and m["content"]["execution_state"] == "idle")
              if m["msg_type"] == "status" and m["parent_header"].get("msg_id") == msg_id]
    busy = [m for m in seen if m["msg_type"] == "status" and m["parent_header"].get("msg_id") == msg_id]
    assert [b["content"]["execution_state"] for b in busy] + states == ["busy", "idle"]
    send_shell(wk, "comm_close", {"comm_id": cid, "data": {}})
    assert wk.reply_to(wk.kc.comm_info(target_name="test.echo"))["content"]["comms"] == {}


def test_update_round_trip(wk):
    slider, out, seen = make_interact(wk, "rt", '"p is " + x')
    first = [m for m in seen if output_update(out)(m)]
    assert texts(first[-1]["content"]["data"]["state"]["outputs"]) == ["p is 0.5"]
    msg_id = update(wk, slider, {"value": 0.3})
    seen = iopub_until(wk, output_update(out))
    echo = next(m for m in seen if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == slider)
    assert echo["content"]["data"] == {"method": "echo_update", "state": {"value": 0.3}, "buffer_paths": []}
    assert echo["parent_header"]["msg_id"] == msg_id
    assert texts(seen[-1]["content"]["data"]["state"]["outputs"]) == ["p is 0.3"]
    assert wk.value("rtS.value()") == "0.3"
    # a change from Java: an update to the front end, and the output follows
    reply, seen = run(wk, "rtS.value(0.7);")
    assert reply["status"] == "ok", reply
    sent = [m for m in seen if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == slider]
    assert sent and sent[0]["content"]["data"] == {"method": "update", "state": {"value": 0.7}, "buffer_paths": []}
    last = iopub_until(wk, output_update(out))[-1] if not any(output_update(out)(m) for m in seen) else \
        [m for m in seen if output_update(out)(m)][-1]
    assert texts(last["content"]["data"]["state"]["outputs"]) == ["p is 0.7"]
    # request_state: the whole state back
    comm_msg(wk, slider, {"method": "request_state"})
    full = iopub_until(wk, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == slider)[-1]
    assert full["content"]["data"]["method"] == "update"
    assert full["content"]["data"]["state"]["value"] == 0.7
    assert full["content"]["data"]["state"]["_model_name"] == "FloatSliderModel"


def test_control_comm_sends_every_widget_state(wk):
    slider, out, _ = make_interact(wk, "ctl", "x")
    cid = uuid.uuid4().hex
    send_shell(wk, "comm_open", {"comm_id": cid, "target_name": "jupyter.widget.control", "data": {}})
    comm_msg(wk, cid, {"method": "request_states"})
    reply = iopub_until(wk, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == cid)[-1]
    data = reply["content"]["data"]
    assert data["method"] == "update_states" and data["buffer_paths"] == []
    assert data["states"][slider]["model_name"] == "FloatSliderModel"
    assert data["states"][slider]["model_module_version"] == "2.0.0"
    assert data["states"][slider]["state"]["value"] == 0.5
    assert data["states"][out]["model_module"] == "@jupyter-widgets/output"


def test_exception_in_callback_shows_in_the_output_and_the_widget_keeps_working(wk):
    slider, out, _ = make_interact(
        wk, "bad", '{ if (x > 0.6) throw new IllegalStateException("too big: " + x); return "ok " + x; }')
    update(wk, slider, {"value": 0.8})
    outputs = iopub_until(wk, output_update(out))[-1]["content"]["data"]["state"]["outputs"]
    assert [o["output_type"] for o in outputs] == ["error"]
    assert outputs[0]["ename"] == "IllegalStateException" and "too big: 0.8" in outputs[0]["evalue"]
    update(wk, slider, {"value": 0.2})
    outputs = iopub_until(wk, output_update(out))[-1]["content"]["data"]["state"]["outputs"]
    assert texts(outputs) == ["ok 0.2"]
    # and cells still run
    assert wk.value("1 + 1") == "2"


def test_prints_and_displays_of_a_callback_go_to_its_output_area(wk):
    slider, out, seen = make_interact(wk, "pr", '{ System.out.println("printed " + x); display("shown"); '
                                                 'System.err.print("warned"); return 42; }')
    outputs = [m for m in seen if output_update(out)(m)][-1]["content"]["data"]["state"]["outputs"]
    assert [(o["output_type"], o.get("name")) for o in outputs] == [
        ("stream", "stdout"), ("display_data", None), ("stream", "stderr"), ("display_data", None)]
    assert texts(outputs) == ["printed 0.5\n", "shown", "warned", "42"]
    # nothing of it reached the cell's own output
    assert not [m for m in seen if m["msg_type"] in ("stream", "display_data")]


def test_last_value_wins_under_a_slow_callback(wk):
    reply, _ = run(wk, "var seenValues = new java.util.concurrent.CopyOnWriteArrayList<Double>();")
    slider, out, _ = make_interact(wk, "slow", "{ seenValues.add(x); "
                                               "try { Thread.sleep(1500); } catch (InterruptedException e) { } "
                                               "return \"done \" + x; }")
    sent = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 1.0, 0.0]
    for v in sent:
        update(wk, slider, {"value": v})
    seen = iopub_until(wk, lambda m: output_update(out)(m) and
                       texts(m["content"]["data"]["state"]["outputs"]) == ["done 0.0"], timeout=WAIT)
    runs = [texts(m["content"]["data"]["state"]["outputs"])[0] for m in seen if output_update(out)(m)]
    # The first change runs while the other nine arrive (they take milliseconds, a run 1.5 s): those
    # give one more run, with the last value. A queue of stale values would give ten runs. On a loaded
    # machine the first run may start after a later value came: still at most 3 runs, in send order,
    # the last with the last value.
    order = [sent.index(float(r.split()[1])) for r in runs]
    assert runs[-1] == "done 0.0" and len(runs) <= 3 and order == sorted(order), runs
    values = wk.value("seenValues")
    assert values.startswith("[0.5, ") and values.endswith(", 0.0]") and values.count(",") == len(runs), values


def test_changes_are_handled_while_a_cell_runs(wk):
    slider, out, _ = make_interact(wk, "busy", '"now " + x')
    cell = wk.kc.execute("Thread.sleep(4000);")
    time.sleep(0.5)   # the cell is running
    started = time.monotonic()
    change = update(wk, slider, {"value": 0.9})
    seen = iopub_until(wk, output_update(out))
    took = time.monotonic() - started
    assert texts(seen[-1]["content"]["data"]["state"]["outputs"]) == ["now 0.9"]
    assert not any(m["msg_type"] == "status" and m["parent_header"].get("msg_id") == cell
                   and m["content"]["execution_state"] == "idle" for m in seen), "the cell had already ended"
    assert took < 3.0, took
    # the change's own busy/idle came and went; the kernel then says busy again for the running cell
    # (JupyterLab shows the last status whatever its parent)
    seen += iopub_until(wk, lambda m: m["msg_type"] == "status" and m["parent_header"].get("msg_id") == cell
                        and m["content"]["execution_state"] == "idle")
    status = [(m["parent_header"].get("msg_id"), m["content"]["execution_state"]) for m in seen
              if m["msg_type"] == "status"]
    nested_idle = status.index((change, "idle"))
    assert (cell, "busy") in status[nested_idle:-1], status
    # a cell sent during the running one still runs after it, in order
    after = wk.kc.execute("busyS.value()")
    assert wk.reply_to(cell)["content"]["status"] == "ok"
    assert wk.reply_to(after)["content"]["status"] == "ok"


def test_an_older_widget_manager_gets_the_output_instead_of_a_view():
    """ipywidgets 6 and 7's front ends (Debian's classic Notebook has 6) ask for jupyter.widget.version
    at connect and cannot show protocol 2.1's models: a widget-view there is an empty output. After
    that request the kernel shows interact's output as it is (here an HTML display) and text."""
    k = Kernel()
    try:
        send_shell(k, "comm_open", {"comm_id": uuid.uuid4().hex, "target_name": "jupyter.widget.version",
                                    "data": {}})
        iopub_until(k, lambda m: m["msg_type"] == "comm_close")
        reply, seen = run(k, f"%jars {LIB}\nimport static dltheory.widgets.Widgets.*;\n"
                             'var q = slider("q", 0.0, 1.0, 0.5, 0.5);\n'
                             'interact(q, x -> render("<b>q is " + x + "</b>", "text/html"))')
        assert reply["status"] == "ok", reply
        data = next(m for m in seen if m["msg_type"] == "execute_result")["content"]["data"]
        assert "application/vnd.jupyter.widget-view+json" not in data
        assert data["text/html"] == "<b>q is 0.5</b>"
        assert data["text/plain"] == "q = 0.5\n<b>q is 0.5</b>"
    finally:
        k.stop()
