package org.physlab.runtime.plugins;

/** Why a plugin cannot be used, in words for {@link PluginInfo#error()}. */
final class BrokenPluginException extends Exception {
    private static final long serialVersionUID = 1L;

    BrokenPluginException(String message) {
        super(message);
    }

    BrokenPluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
