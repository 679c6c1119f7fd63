package io.hallmark.c2pa;

import io.hallmark.c2pa.internal.Native;
import io.hallmark.c2pa.internal.NativeHandle;

/**
 * c2pa-rs settings (trust anchors, verification switches, builder options), set from a JSON or TOML
 * document and/or individual dotted paths. The schema belongs to c2pa-rs (notes/c2pa.md 5.4); callers
 * keep its generation in one place because it changes between c2pa-rs releases.
 */
public final class Settings extends NativeHandle {
    // Not thread-safe while being set; a Context copies them, after which they may be closed.
    private Settings() throws C2paException {
        super(Native.check(Native.lib().c2pa_settings_new(), "create settings"), "settings");
    }

    /**
     * @return c2pa-rs's default settings ({@code c2pa_settings_new}), to be closed by the caller
     * @throws C2paException when the library cannot allocate them
     */
    public static Settings create() throws C2paException {
        return new Settings();
    }

    /**
     * Merges a settings document ({@code c2pa_settings_update_from_string}).
     *
     * @param document the settings, in c2pa-rs's schema
     * @param format   "json" or "toml"
     * @return these settings
     * @throws C2paException when the document does not parse or names unknown settings
     */
    public Settings update(String document, String format) throws C2paException {
        Native.check(Native.lib().c2pa_settings_update_from_string(pointer(), document, format), "update settings");
        return this;
    }

    /**
     * Sets one value ({@code c2pa_settings_set_value}), e.g. {@code set("verify.verify_trust", "true")}.
     *
     * @param path      the dotted settings path
     * @param jsonValue the value, as JSON
     * @return these settings
     * @throws C2paException when the path or the value is not valid
     */
    public Settings set(String path, String jsonValue) throws C2paException {
        Native.check(Native.lib().c2pa_settings_set_value(pointer(), path, jsonValue), "set " + path);
        return this;
    }
}
