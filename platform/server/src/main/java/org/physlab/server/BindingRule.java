package org.physlab.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who may reach the server decides whether it needs logins: without authentication it listens on the
 * loopback interface only (this machine's users), and any other address (a LAN interface, {@code 0.0.0.0},
 * {@code ::}) needs {@code physlab.auth.enabled=true}.
 */
public final class BindingRule {
    private BindingRule() { }

    /**
     * @throws IllegalStateException naming the address, why it is refused and how to enable authentication,
     *         when {@code host} is not a loopback address and authentication is off
     */
    public static void check(String host, boolean authEnabled) {
        if (authEnabled || isLoopback(host)) return;
        String shown = host == null || host.isBlank() ? "all interfaces" : host;
        throw new IllegalStateException("refusing to listen on " + shown + " without authentication: anyone who can"
                + " reach it could run code through plugins and read every run. Listen on 127.0.0.1 (the default), or"
                + " enable logins with physlab.auth.enabled=true (in HOME/conf/physlab.properties or"
                + " -Dphyslab.auth.enabled=true) and create the first admin with 'physlab users add NAME --role admin'");
    }

    /** Whether {@code host} names only this machine (127.0.0.0/8, ::1, or a name that resolves to them). */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) return false;
        String h = host.trim();
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        try {
            InetAddress[] all = InetAddress.getAllByName(h);
            for (InetAddress a : all) if (!a.isLoopbackAddress()) return false;
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
