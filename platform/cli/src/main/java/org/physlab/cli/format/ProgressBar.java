package org.physlab.cli.format;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with carriage returns, for terminals:
 * {@code [##########----------]  50%  batch 40/100}. Thread-safe; redraws at most ten times a second.
 */
public final class ProgressBar {
    private static final long MIN_REDRAW_NANOS = 100_000_000L;
    private final PrintStream terminal;
    private final int width;
    private long lastDraw;
    private int lastLength;
    private boolean drawn;

    /** @param width the terminal's width in columns; the line never reaches the last column */
    public ProgressBar(PrintStream terminal, int width) {
        this.terminal = terminal;
        this.width = Math.max(30, width);
    }

    /** The terminal width from {@code $COLUMNS}, else 80. */
    public static int terminalWidth() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 80 : Integer.parseInt(c.trim());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Shows {@code fraction} (clamped to [0, 1]) and a message. */
    public synchronized void update(double fraction, String message) {
        long now = System.nanoTime();
        if (drawn && now - lastDraw < MIN_REDRAW_NANOS && fraction < 1) return;
        lastDraw = now;
        String line = render(fraction, message, width - 1);
        terminal.print('\r' + line + " ".repeat(Math.max(0, lastLength - line.length())));
        terminal.flush();
        lastLength = line.length();
        drawn = true;
    }

    /** Clears the bar's line, so what follows starts on a clean line. */
    public synchronized void clear() {
        if (!drawn) return;
        terminal.print('\r' + " ".repeat(lastLength) + '\r');
        terminal.flush();
        drawn = false;
        lastLength = 0;
    }

    /** The line for {@code fraction} and {@code message}, at most {@code columns} characters. */
    public static String render(double fraction, String message, int columns) {
        double f = Double.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
        int barWidth = Math.max(10, Math.min(30, columns / 3));
        int filled = (int) Math.floor(f * barWidth);
        String bar = "[" + "#".repeat(filled) + "-".repeat(barWidth - filled) + "]"
                + String.format(Locale.ROOT, " %3d%%", (int) Math.floor(f * 100));
        String msg = Formats.oneLine(message);
        if (msg.isEmpty()) return bar.length() <= columns ? bar : bar.substring(0, columns);
        String line = bar + "  " + msg;
        return line.length() <= columns ? line : line.substring(0, Math.max(0, columns - 3)) + "...";
    }
}
