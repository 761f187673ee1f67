package dltheory.kernel.server;

import org.zeromq.ZMQ;

/** Echoes heartbeat pings on the REP socket from its own thread. */
public final class Heartbeat implements Runnable {
    private final ZMQ.Socket socket;
    private volatile boolean running = true;

    /** @param socket bound REP socket with a receive timeout */
    public Heartbeat(ZMQ.Socket socket) {
        this.socket = socket;
    }

    /** Starts the echo thread. */
    public void start() {
        Thread t = new Thread(this, "heartbeat");
        t.setDaemon(true);
        t.start();
    }

    /** Stops the loop. */
    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                byte[] ping = socket.recv(0);
                if (ping != null) {
                    socket.send(ping, 0);
                }
            } catch (RuntimeException e) {
                if (!running || Channel.closed(e)) {
                    return;
                }
                Log.warn("heartbeat: " + e + "; continuing");
            }
        }
    }
}
