package org.physlab.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The {@code physlab} launcher's entry point. Logging is quiet (WARN, on stderr) unless
 * {@code --verbose} asks for INFO, and stdout is kept for results alone: whatever a library prints
 * to {@code System.out} goes to stderr instead.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        // Before any logger exists: logback.xml reads the level from this property.
        if (System.getProperty("physlab.log.level") == null) {
            System.setProperty("physlab.log.level", Arrays.asList(args).contains("--verbose") ? "INFO" : "WARN");
        }
        PrintStream results = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), true, charset());
        System.setOut(System.err);
        int code = PhyslabCli.execute(args, new Io(results, System.err, System.console() != null));
        results.flush();
        System.exit(code);
    }

    private static Charset charset() {
        String enc = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return enc == null ? Charset.defaultCharset() : Charset.forName(enc);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
