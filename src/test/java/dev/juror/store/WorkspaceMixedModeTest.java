package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mixed mode serves an open workspace to other processes of this machine only: H2's server listens
 * on loopback, as the lock file (which tells the other processes where to connect) says.
 */
class WorkspaceMixedModeTest {

    @TempDir
    Path temp;

    @Test
    void anOpenWorkspaceIsServedOnLoopbackOnly() throws Exception {
        assertThat(Workspace.jdbcUrl(temp)).contains(";AUTO_SERVER=TRUE");
        try (Workspace ws = Workspace.open(temp)) {
            Path lock = temp.resolve(Workspace.DATABASE_NAME + ".lock.db");
            assertThat(lock).exists();
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(lock, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                properties.load(in);
            }
            String server = properties.getProperty("server");
            assertThat(server).matches("(127\\.0\\.0\\.1|localhost):[0-9]+");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                assertThat(socket.isConnected()).isTrue();
            }
            // Not reachable on this machine's other addresses (where it has any).
            for (java.net.InetAddress address : java.util.Collections.list(java.net.NetworkInterface
                    .getNetworkInterfaces()).stream().flatMap(i -> java.util.Collections.list(i.getInetAddresses())
                    .stream()).filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).toList()) {
                try (java.net.Socket socket = new java.net.Socket()) {
                    socket.connect(new java.net.InetSocketAddress(address, port), 2000);
                    throw new AssertionError("the workspace server answers on " + address);
                } catch (java.io.IOException refused) {
                    // expected: nothing listens there
                }
            }
            assertThat(ws.stats().samples()).isZero();
        }
    }
}
