package org.physlab.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void theBarShowsTheFractionAndTheMessage() {
        assertEquals("[##########----------]  50%  batch 40/80", ProgressBar.render(0.5, "batch 40/80", 60));
        assertEquals("[--------------------]   0%", ProgressBar.render(-1, "", 60));
        assertEquals("[####################] 100%  done", ProgressBar.render(7, "done", 60));
        assertEquals("[--------------------]   0%  x", ProgressBar.render(Double.NaN, "x", 60));
    }

    @Test
    void aLongMessageIsCutToTheWidth() {
        String line = ProgressBar.render(0.25, "m".repeat(200), 79);
        assertEquals(79, line.length());
        assertTrue(line.endsWith("..."));
    }

    @Test
    void redrawsUseCarriageReturnsAndClearLeavesABlankLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 80);
        bar.update(0.1, "first message");
        bar.update(1.0, "end");
        bar.clear();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\r" + ProgressBar.render(0.1, "first message", 79)), s);
        assertTrue(s.contains("\r" + ProgressBar.render(1.0, "end", 79) + " ".repeat(10)), "old text is blanked: " + s);
        assertTrue(s.endsWith("\r"), s);
        assertTrue(!s.contains("\n"), "a progress bar never scrolls the terminal");
    }
}
