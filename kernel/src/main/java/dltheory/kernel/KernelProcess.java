package dltheory.kernel;

import dltheory.kernel.input.CellInput;
import dltheory.kernel.display.CellOutput;
import dltheory.kernel.display.DisplayPublisher;
import dltheory.kernel.display.OutputStreams;
import dltheory.kernel.eval.ApiClasspath;
import dltheory.kernel.eval.CellClassLoader;
import dltheory.kernel.eval.CellRunner;
import dltheory.kernel.eval.Evaluator;
import dltheory.kernel.handlers.AnalysisHandlers;
import dltheory.kernel.handlers.ExecuteHandler;
import dltheory.kernel.handlers.History;
import dltheory.kernel.handlers.HistoryHandler;
import dltheory.kernel.handlers.KernelInfoHandler;
import dltheory.kernel.handlers.SessionHandlers;
import dltheory.kernel.runtime.Notebook;
import dltheory.kernel.runtime.Comms;
import dltheory.kernel.handlers.CommHub;
import dltheory.kernel.server.Channel;
import dltheory.kernel.server.Handler;
import dltheory.kernel.server.Heartbeat;
import dltheory.kernel.server.IoPub;
import dltheory.kernel.server.Log;
import dltheory.kernel.server.Session;
import dltheory.kernel.server.Stdin;
import dltheory.kernel.wire.Codec;
import dltheory.kernel.wire.ConnectionInfo;
import dltheory.kernel.wire.Signer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Wires a running kernel: sockets bound to the connection file's address, the IOPub publisher,
 * output capture, JShell (started in the background), the handlers, and the channel threads.
 */
public final class KernelProcess {
    /** Stack size of the thread running cell code (deep recursion in notebooks). */
    static final long CELL_STACK_BYTES = 64L << 20;
    private static final int RECEIVE_TIMEOUT_MS = 250;
    /**
     * Largest message the kernel accepts on its shell, control, stdin and heartbeat sockets (ZeroMQ's
     * {@code ZMQ_MAXMSGSIZE}): 256 MB. A peer that announces a larger frame is disconnected before
     * anything is allocated; without a limit, one frame of about 1 GB made jeromq's I/O thread allocate it
     * and die of {@code OutOfMemoryError}, and no socket answered again.
     */
    static final long MAX_MESSAGE_BYTES = 256L << 20;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * The kernel-specific request that starts a new notebook in this process
     * ({@value #RESET_REQUEST}, answered by {@code dltheory_reset_reply}): see {@link Cells}.
     */
    public static final String RESET_REQUEST = "dltheory_reset_request";

    private volatile Cells cells;
    private Shared shared;
    private Channel shellChannel;

    /** Runs the kernel until a {@code shutdown_request}; then exits the JVM. */
    public void run(Path connectionFile) throws Exception {
        Log.phase("main");
        Path workingDirectory = Path.of("").toAbsolutePath();
        KernelSettings settings = KernelSettings.NONE;
        String settingsProblem = null;
        try {
            settings = KernelSettings.from(System.getenv(), workingDirectory);
        } catch (IllegalArgumentException e) {
            settingsProblem = e.getMessage();
            Log.warn(settingsProblem);
        }
        // JShell's start-up (javac's first compilations) is the longest step: it runs on its own thread
        // from the first moment, while this thread binds the sockets and answers kernel_info.
        CellClassLoader firstLoader = new CellClassLoader(KernelProcess.class.getClassLoader());
        CompletableFuture<Evaluator> firstEvaluator = startEvaluator(firstLoader, settings);
        CrashLogFolder.ensure();
        ConnectionInfo ci = ConnectionInfo.read(connectionFile);
        ZContext ctx = new ZContext(1);
        ctx.setUncaughtExceptionHandler(KernelProcess::ioThreadDied);
        Codec codec = new Codec(new Signer(ci.signatureScheme(), ci.key()));
        Session session = new Session();

        ZMQ.Socket iopubSocket = bind(ctx, SocketType.PUB, ci.endpoint(ci.iopubPort()));
        ZMQ.Socket shellSocket = bind(ctx, SocketType.ROUTER, ci.endpoint(ci.shellPort()));
        ZMQ.Socket controlSocket = bind(ctx, SocketType.ROUTER, ci.endpoint(ci.controlPort()));
        ZMQ.Socket stdinSocket = bind(ctx, SocketType.ROUTER, ci.endpoint(ci.stdinPort()));
        ZMQ.Socket hbSocket = bind(ctx, SocketType.REP, ci.endpoint(ci.hbPort()));
        Heartbeat heartbeat = new Heartbeat(hbSocket);
        heartbeat.start();

        Log.phase("sockets bound");
        IoPub iopub = new IoPub(iopubSocket, codec, session);
        iopub.status(null, "starting");

        CellOutput output = new CellOutput();
        OutputStreams streams = new OutputStreams(iopub, output);
        streams.install();
        CellInput input = new CellInput(new Stdin(stdinSocket, codec, session), streams);
        input.install();

        shared = new Shared(iopub, output, input, streams, this::pumpShell, workingDirectory, settings);
        cells = new Cells(shared, firstLoader, firstEvaluator, settingsProblem);
        Handler kernelInfo = new KernelInfoHandler();
        SessionHandlers sessionHandlers = new SessionHandlers(() -> cells.kernel.interrupt(), this::newNotebook,
                stopped::countDown);
        Map<String, Handler> shell = new HashMap<>();
        shell.put("kernel_info_request", kernelInfo);
        for (String type : cells.handlers.keySet()) {  // each notebook's Cells answers the same requests
            shell.put(type, r -> cells.handlers.get(type).handle(r));
        }
        shell.put("shutdown_request", sessionHandlers::shutdown);
        shell.put(RESET_REQUEST, sessionHandlers::reset);

        Map<String, Handler> control = new HashMap<>();
        control.put("kernel_info_request", kernelInfo);
        control.put("interrupt_request", sessionHandlers::interrupt);
        control.put("shutdown_request", sessionHandlers::shutdown);

        Channel controlChannel = new Channel("control", controlSocket, codec, session, iopub, control);
        shellChannel = new Channel("shell", shellSocket, codec, session, iopub, shell);
        shellChannel.pumpTypes(java.util.Set.of("comm_open", "comm_msg", "comm_close"));
        controlChannel.start();
        shellChannel.start();
        Log.phase("channels started");
        ParentWatch.start(System.getenv("JPY_PARENT_PID"), stopped::countDown);
        warmUpRendering(cells.kernel);

        stopped.await();
        controlChannel.stop();
        shellChannel.stop();
        heartbeat.stop();
        streams.drain();
        cells.kernel.onShutdown(false);
        Thread closer = new Thread(ctx::close, "zmq-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(1000);
        NativeCopies.deleteLoaded();   // halt skips deleteOnExit
        Runtime.getRuntime().halt(0);
    }

    /**
     * Replaces the notebook's state with a new one ({@link Cells}). The old kernel object is closed
     * first: it uninstalls itself from jjava's static notebook-kernel slot, which the new one then
     * fills. The settings are those of start-up (a problem with them was reported to the first notebook).
     */
    private void newNotebook() {
        cells.close();
        CellClassLoader loader = new CellClassLoader(KernelProcess.class.getClassLoader());
        cells = new Cells(shared, loader, startEvaluator(loader, shared.settings()), null);
    }

    /** Handles the comm messages waiting on the shell channel while a cell runs (a cell's widgets). */
    private void pumpShell() {
        shellChannel.pump();
    }

    /**
     * What every notebook run in this process shares: the sockets' publisher, the cells' streams, and
     * the shell channel's pump, which a running cell calls (the channel is made once the first
     * notebook's requests are known, and started before any cell runs).
     */
    private record Shared(IoPub iopub, CellOutput output, CellInput input, OutputStreams streams,
                           Runnable pumpShell, Path workingDirectory, KernelSettings settings) {
    }

    /**
     * One notebook's state, as a new kernel process has it: the cells' class loader (so the classes of
     * {@code %jars} and their static fields), JShell, the kernel object with its renderers and magics,
     * the comms, the history and the execution count. A {@value #RESET_REQUEST} replaces it with a new
     * one in the same JVM, whose JIT-compiled javac and JDK code the next notebook then finds ready:
     * {@code bin/site} runs several notebooks in one kernel process that way (tools/execution.py).
     */
    private static final class Cells {
        final CompletableFuture<Evaluator> evaluator;
        final NotebookKernel kernel;
        final Map<String, Handler> handlers = new HashMap<>();

        Cells(Shared p, CellClassLoader loader, CompletableFuture<Evaluator> evaluator, String settingsProblem) {
            this.evaluator = evaluator;
            DisplayPublisher displays = new DisplayPublisher(p.iopub(), p.output(), p.streams());
            kernel = new NotebookKernel(evaluator, loader, displays, p.workingDirectory());
            kernel.startWith(p.settings(), settingsProblem);
            kernel.onStartup();
            Notebook.connect(kernel.getRenderer(), displays);
            Notebook.connectKernel(kernel);
            Notebook.connectMagics(kernel.magics());
            History history = new History();
            AnalysisHandlers analysis = new AnalysisHandlers(kernel);
            handlers.put("execute_request", new ExecuteHandler(kernel, p.output(), p.input(), p.streams(), displays,
                    history));
            handlers.put("complete_request", analysis::complete);
            handlers.put("inspect_request", analysis::inspect);
            handlers.put("is_complete_request", analysis::isComplete);
            handlers.put("history_request", new HistoryHandler(history));
            CommHub comms = new CommHub(p.iopub(), p.output(), kernel);
            Comms.connect(comms);
            handlers.put("comm_info_request", comms::commInfo);
            handlers.put("comm_open", comms::commOpen);
            handlers.put("comm_msg", comms::commMsg);
            handlers.put("comm_close", comms::commClose);
            evaluator.thenAccept(ev -> ev.runner().setWhileWaiting(p.pumpShell()));
        }

        /** Ends this notebook's JShell and its cell thread once it has started. */
        void close() {
            kernel.onShutdown(true);
            evaluator.whenComplete((ev, problem) -> {
                if (ev != null) {
                    ev.close();
                }
            });
        }
    }

    /**
     * Renders a value the way a cell result is rendered, while JShell is still starting on its own
     * thread: the first result then does not pay for loading the renderer (about 80 ms here).
     */
    private static void warmUpRendering(NotebookKernel kernel) {
        try {
            DisplayPublisher.toJson(kernel.renderResult(42)).toString();
        } catch (RuntimeException e) {
            Log.debug("rendering warm-up failed: " + e);
        }
        Log.phase("rendering warmed up");
    }

    private static ZMQ.Socket bind(ZContext ctx, SocketType type, String endpoint) {
        ZMQ.Socket socket = ctx.createSocket(type);
        socket.setLinger(1000);
        if (type != SocketType.PUB) {
            socket.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        }
        socket.setMaxMsgSize(MAX_MESSAGE_BYTES);
        socket.bind(endpoint);
        Log.debug("bound " + type + " to " + endpoint);
        return socket;
    }

    /**
     * A thread of ZeroMQ (its I/O thread, which reads every socket) ended with an exception, typically
     * {@code OutOfMemoryError} after frames under {@link #MAX_MESSAGE_BYTES} arrived on several connections
     * at once: no channel can receive or send any more. The kernel exits, with status 70, instead of
     * staying up without answering: Jupyter's restarter then starts a new kernel and the front end says so.
     */
    static void ioThreadDied(Thread thread, Throwable e) {
        try {
            Log.warn("ZeroMQ's thread " + thread.getName() + " died (" + e + "): the kernel cannot answer any "
                    + "more and exits");
            NativeCopies.deleteLoaded();
        } catch (Throwable ignored) {
            // exit all the same
        } finally {
            Runtime.getRuntime().halt(70);
        }
    }

    /** Starts JShell and runs the start-up imports on a background thread. */
    static CompletableFuture<Evaluator> startEvaluator(CellClassLoader cellLoader, KernelSettings settings) {
        CompletableFuture<Evaluator> future = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                CellRunner runner = new CellRunner(cellLoader, CELL_STACK_BYTES);
                runner.setTimeout(settings.timeout());
                List<String> flags = new ArrayList<>(List.of("-Xlint:none", "-proc:none"));
                flags.addAll(settings.compilerOptions());
                Evaluator ev = new Evaluator(cellLoader, runner, ApiClasspath.resolve(), flags);
                Log.phase("JShell built");
                ev.start();
                Log.phase("JShell imports done");
                future.complete(ev);
                ev.warmAnalysisWhenIdle();
            } catch (Throwable e) {
                Log.warn("JShell failed to start: " + e);
                future.completeExceptionally(e);
            }
        }, "jshell-start");
        t.setDaemon(true);
        t.start();
        return future;
    }
}
