package org.physlab.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.runtime.ProcessKind;

/** Without logins the server listens on this machine only; other addresses need physlab.auth.enabled=true. */
class BindingRuleTest {

    @Test
    void loopbackAddressesAndLocalhostAreThisMachineOnly() {
        assertTrue(BindingRule.isLoopback("127.0.0.1"));
        assertTrue(BindingRule.isLoopback("127.1.2.3"));
        assertTrue(BindingRule.isLoopback("::1"));
        assertTrue(BindingRule.isLoopback("[::1]"));
        assertTrue(BindingRule.isLoopback("localhost"));
        assertFalse(BindingRule.isLoopback("0.0.0.0"));
        assertFalse(BindingRule.isLoopback("::"));
        assertFalse(BindingRule.isLoopback(""));
        assertFalse(BindingRule.isLoopback(null));
        assertFalse(BindingRule.isLoopback("192.168.1.10"));
        assertFalse(BindingRule.isLoopback("no-such-host.invalid"));
    }

    @Test
    void anyOtherAddressIsRefusedWithoutAuthenticationAndTheMessageSaysHowToEnableIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BindingRule.check("0.0.0.0", false));
        assertTrue(e.getMessage().contains("refusing to listen on 0.0.0.0 without authentication"), e.getMessage());
        assertTrue(e.getMessage().contains("physlab.auth.enabled=true"), e.getMessage());
        assertTrue(e.getMessage().contains("physlab users add"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> BindingRule.check("", false));
        assertDoesNotThrow(() -> BindingRule.check("0.0.0.0", true));
        assertDoesNotThrow(() -> BindingRule.check("127.0.0.1", false));
    }

    @Test
    void theServerRefusesToBeBuiltOnAllInterfacesWhenAuthIsOff(@TempDir Path home) {
        try (Physlab lab = Physlab.start(PhyslabConfig.load(home, Map.of()), ProcessKind.SERVER)) {
            assertFalse(lab.config().auth().enabled(), "single-user mode is the default");
            assertTrue(lab.config().serverHost().equals("127.0.0.1"), "and binds to loopback by default");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PhyslabServer(lab, "0.0.0.0", 0));
            assertTrue(e.getMessage().contains("physlab.auth.enabled=true"), e.getMessage());
        }
    }
}
