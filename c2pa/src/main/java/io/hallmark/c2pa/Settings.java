package io.hallmark.c2pa;

import io.hallmark.c2pa.internal.Native;
import io.hallmark.c2pa.internal.NativeHandle;

/**
 * c2pa-rs settings (trust anchors, verification switches, builder options), set from a JSON or TOML
 * document and/or individual dotted paths. The schema belongs to c2pa-rs (notes/c2pa.md 5.4); callers
 * keep its generation in one place because it changes between c2pa-rs releases.
 */
public final class Settings extends NativeHandle {
    private Settings() throws C2paException {
        super(Native.check(Native.lib().c2pa_settings_new(), "create settings"), "settings");
    }

    public static Settings create() throws C2paException {
        return new Settings();
    }

    /** Merges a settings document, {@code format} "json" or "toml". */
    public Settings update(String document, String format) throws C2paException {
        Native.check(Native.lib().c2pa_settings_update_from_string(pointer(), document, format), "update settings");
        return this;
    }

    /** Sets one value: {@code set("verify.verify_trust", "true")}; the value is JSON. */
    public Settings set(String path, String jsonValue) throws C2paException {
        Native.check(Native.lib().c2pa_settings_set_value(pointer(), path, jsonValue), "set " + path);
        return this;
    }
}
