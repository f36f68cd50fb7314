package org.physlab.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a new password, never from the command line (which every user of the machine sees in
 * {@code ps}): typed twice at a terminal without echo, or the first line of standard input
 * ({@code printf '%s\n' "$PW" | physlab users add ada}).
 */
final class Passwords {
    private Passwords() { }

    static char[] read(Io io, String user) {
        Console console = System.console();
        if (io.interactive() && console != null) {
            char[] first = console.readPassword("new password for %s: ", user);
            char[] second = console.readPassword("the same again: ");
            if (first == null || second == null) throw CliException.usage("no password given");
            boolean same = Arrays.equals(first, second);
            Arrays.fill(second, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw CliException.usage("the two passwords differ; nothing changed");
            }
            return first;
        }
        try {
            // Read by hand rather than with readLine() so that no String holds the password.
            var reader = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
            char[] buffer = new char[256];
            int n = 0;
            for (int c; (c = reader.read()) >= 0 && c != '\n'; ) {
                if (n == buffer.length) throw CliException.usage("the password on standard input is too long");
                buffer[n++] = (char) c;
            }
            if (n > 0 && buffer[n - 1] == '\r') n--;
            char[] password = Arrays.copyOf(buffer, n);
            Arrays.fill(buffer, '\0');
            if (n == 0) {
                throw CliException.usage("give the password on standard input (one line) or run this at a terminal "
                        + "to be asked for it; it is never taken from the command line");
            }
            return password;
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot read the password from standard input: " + e.getMessage(), e);
        }
    }
}
