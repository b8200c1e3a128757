package dev.juror.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that owns a running judge run: its id, host and start time. Recorded on the run when a
 * session starts, so that a later open of the workspace can tell a run still being judged (by this
 * process, or by another one sharing the workspace) from one whose process was killed.
 *
 * @param startedAt the owner's start time; empty where the platform does not report it (then the
 *                  process id alone decides, at the small risk of a reused id)
 */
public record RunOwner(long pid, String host, Optional<Instant> startedAt) {

    /** Start times read twice for one process can differ by a clock tick; pid reuse takes far longer. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    /** This process. */
    public static RunOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new RunOwner(self.pid(), hostName(), self.info().startInstant());
    }

    /** This host's name, looked up once (a name lookup can be slow). */
    static String hostName() {
        return Host.NAME;
    }

    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                String name = InetAddress.getLocalHost().getHostName();
                return name.length() > 255 ? name.substring(0, 255) : name;
            } catch (UnknownHostException | SecurityException e) {
                return "localhost";
            }
        }
    }

    /**
     * Whether the owner is alive. Only processes on this host can be checked; an owner on another host
     * counts as alive (its run is left as it is rather than marked interrupted under a live process).
     */
    public boolean isAlive() {
        if (!host.equals(hostName())) {
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        if (startedAt.isEmpty()) {
            return true;
        }
        Optional<Instant> actual = process.get().info().startInstant();
        return actual.isEmpty()
                || Duration.between(startedAt.get(), actual.get()).abs().compareTo(START_TOLERANCE) <= 0;
    }
}
