package org.physlab.oscillator.nets;

import java.util.Locale;

/**
 * What trains a network: the plain-Java loops of {@link org.physlab.oscillator.nets.plain.PlainNetwork}
 * or DL4J. Both compute the lecture's networks, loss and Adam; the saved model is a DL4J network either
 * way. For these tiny networks plain Java is the faster (measured in the plugin's bench: see the README).
 */
public enum Engine {
    JAVA,
    DL4J;

    /** {@code java} or {@code dl4j}, as parameters spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Engine parse(String label) {
        for (Engine e : values()) if (e.label().equalsIgnoreCase(label.trim())) return e;
        throw new IllegalArgumentException("unknown engine '" + label + "', expected java or dl4j");
    }
}
