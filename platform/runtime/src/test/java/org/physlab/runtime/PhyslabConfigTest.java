package org.physlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhyslabConfigTest {
    @TempDir
    Path home;

    @Test
    void defaultsPutEverythingInTheHome() {
        PhyslabConfig c = PhyslabConfig.load(home, Map.of());
        assertEquals(List.of(home.resolve("plugins")), c.pluginDirs());
        assertTrue(c.store().jdbcUrl().startsWith("jdbc:h2:file:" + home.resolve("db")));
        assertTrue(c.store().jdbcUrl().endsWith(";AUTO_SERVER=TRUE;WRITE_DELAY=0"), "commits survive a killed process");
        assertEquals(Runtime.getRuntime().availableProcessors(), c.maxConcurrentRuns());
        assertEquals(1, c.gpuSlots());
        assertEquals(0, c.perUserCap(), "no per-user cap unless configured");
        assertNull(c.defaultTimeLimit());
        assertEquals(Duration.ofSeconds(5), c.heartbeatInterval());
        assertEquals(Duration.ofSeconds(30), c.staleAfter());
    }

    @Test
    void loginsAreOffByDefaultAndTheirSettingsAreReadAndChecked() {
        AuthSettings off = PhyslabConfig.load(home, Map.of()).auth();
        assertFalse(off.enabled(), "single-user mode is the default");
        assertEquals(Duration.ofMinutes(30), off.sessionTimeout());
        assertEquals(5, off.maxFailedLogins());
        assertEquals(Duration.ofMinutes(15), off.lockout());
        assertEquals(12, off.bcryptCost());

        AuthSettings on = PhyslabConfig.load(home, Map.of("physlab.auth.enabled", "TRUE", "physlab.auth.sessionTimeoutMinutes", "10",
                "physlab.auth.maxFailedLogins", "3", "physlab.auth.lockoutMinutes", "60", "physlab.auth.bcryptCost", "10")).auth();
        assertTrue(on.enabled());
        assertEquals(Duration.ofMinutes(10), on.sessionTimeout());
        assertEquals(new org.physlab.store.LoginPolicy(3, Duration.ofMinutes(60), 10), on.loginPolicy());

        IllegalArgumentException yes = assertThrows(IllegalArgumentException.class,
                () -> PhyslabConfig.load(home, Map.of("physlab.auth.enabled", "yes")));
        assertEquals("physlab.auth.enabled must be true or false, got 'yes'", yes.getMessage());
        IllegalArgumentException cost = assertThrows(IllegalArgumentException.class,
                () -> PhyslabConfig.load(home, Map.of("physlab.auth.bcryptCost", "3")));
        assertTrue(cost.getMessage().startsWith("physlab.auth.bcryptCost must be 4-31"), cost.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PhyslabConfig.load(home, Map.of("physlab.auth.maxFailedLogins", "0")));
    }

    @Test
    void theFileIsReadAndExplicitSettingsWin() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/physlab.properties"),
                "physlab.runs.maxConcurrent = 3\nphyslab.runs.timeLimitSeconds=90\nphyslab.user=ada\n");
        PhyslabConfig c = PhyslabConfig.load(home, Map.of("physlab.user", "grace"));
        assertEquals(3, c.maxConcurrentRuns());
        assertEquals(Duration.ofSeconds(90), c.defaultTimeLimit());
        assertEquals("grace", c.user());
    }

    @Test
    void slotsAndThePerUserCapAreConfiguredAndCpuSlotsWinsOverItsOlderName() {
        PhyslabConfig c = PhyslabConfig.load(home, Map.of("physlab.runs.cpuSlots", "6", "physlab.runs.maxConcurrent", "3",
                "physlab.runs.gpuSlots", "2", "physlab.runs.perUserCap", "2"));
        assertEquals(6, c.maxConcurrentRuns());
        assertEquals(2, c.gpuSlots());
        assertEquals(2, c.perUserCap());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhyslabConfig.load(home, Map.of("physlab.runs.perUserCap", "-1")));
        assertEquals("physlab.runs.perUserCap must be 0 (no cap) or more", e.getMessage());
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhyslabConfig.load(home, Map.of("physlab.runs.maxConcurrent", "two")));
        assertEquals("physlab.runs.maxConcurrent must be a whole number, got 'two'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PhyslabConfig.load(home, Map.of("physlab.runs.maxConcurrent", "0")));
        assertEquals("physlab.runs.cpuSlots (physlab.runs.maxConcurrent) must be at least 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PhyslabConfig.load(home,
                Map.of("physlab.heartbeat.seconds", "10", "physlab.recovery.staleSeconds", "15")));
        assertEquals("physlab.recovery.staleSeconds (15) must be at least twice physlab.heartbeat.seconds (10), "
                + "or live processes would be taken for dead", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PhyslabConfig.load(home, Map.of("physlab.heartbeat.seconds", "0")));
        assertEquals("physlab.heartbeat.seconds must be positive", e.getMessage());
    }

    @Test
    void eachProcessHasItsOwnFelixCache() {
        PhyslabConfig c = PhyslabConfig.load(home, Map.of());
        assertEquals(home.resolve("cache").resolve("felix-" + ProcessHandle.current().pid()), c.felixCacheDir());
    }
}
