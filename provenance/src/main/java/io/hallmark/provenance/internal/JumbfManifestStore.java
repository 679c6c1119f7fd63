package io.hallmark.provenance.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The box structure of a C2PA manifest store, enough to cut out its active manifest. A manifest store is a JUMBF
 * superbox (ISO/IEC 19566-5: {@code jumb}, first child a {@code jumd} description box) labelled {@code c2pa}; its
 * other children are the manifests, each a superbox labelled with its manifest URN, and the active manifest is the
 * last one (C2PA Technical Specification 2.x, "Manifest Store" and "Active Manifest"). c2pa-rs's C API offers no
 * way to write a store back, hence this small reader. Stateless and thread-safe.
 */
public final class JumbfManifestStore {
    private static final int TYPE_JUMB = 0x6A756D62; // "jumb"
    private static final int TYPE_JUMD = 0x6A756D64; // "jumd"
    private static final int LABEL_PRESENT = 0x02;   // jumd toggles: a label follows the toggles byte

    private JumbfManifestStore() {}

    /** One box: its type and its bytes within the store. */
    private record Box(int type, int offset, int length) {}

    /**
     * A manifest store holding only the active manifest of {@code store}: the same {@code c2pa} description box and
     * the last manifest, byte for byte, so its signature still verifies; ingredients' manifests are left out.
     *
     * @param store a C2PA manifest store (application/c2pa bytes)
     * @return the smaller store, application/c2pa
     * @throws IllegalArgumentException when {@code store} is not a JUMBF {@code c2pa} superbox with a manifest
     */
    public static byte[] activeManifestOnly(byte[] store) {
        List<Box> children = storeChildren(store);
        if (children.isEmpty() || children.get(0).type() != TYPE_JUMD
                || !"c2pa".equals(label(store, children.get(0)))) {
            throw new IllegalArgumentException("not a C2PA manifest store: its description box is not labelled c2pa");
        }
        Box description = children.get(0);
        Box active = null;
        for (Box child : children.subList(1, children.size())) {
            if (child.type() == TYPE_JUMB) {
                active = child;
            }
        }
        if (active == null) {
            throw new IllegalArgumentException("the manifest store holds no manifest");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + description.length() + active.length());
        out.writeBytes(ByteBuffer.allocate(8).putInt(8 + description.length() + active.length()).putInt(TYPE_JUMB).array());
        out.write(store, description.offset(), description.length());
        out.write(store, active.offset(), active.length());
        return out.toByteArray();
    }

    /**
     * The labels of the manifests in {@code store}, in store order (the active one last).
     *
     * @param store a C2PA manifest store
     * @return the manifest labels, e.g. {@code urn:c2pa:...}
     * @throws IllegalArgumentException when {@code store} is not a JUMBF manifest store
     */
    public static List<String> manifestLabels(byte[] store) {
        List<String> labels = new ArrayList<>();
        for (Box child : storeChildren(store)) {
            if (child.type() == TYPE_JUMB) {
                labels.add(superboxLabel(store, child));
            }
        }
        return labels;
    }

    /** The boxes inside the store's one outer {@code jumb} superbox. */
    private static List<Box> storeChildren(byte[] store) {
        List<Box> top = boxes(store, 0, store.length);
        if (top.size() != 1 || top.get(0).type() != TYPE_JUMB) {
            throw new IllegalArgumentException("not a JUMBF manifest store: expected one jumb superbox");
        }
        return children(store, top.get(0));
    }

    /** The boxes inside {@code box}, after its header. */
    private static List<Box> children(byte[] b, Box box) {
        return boxes(b, box.offset() + headerLength(b, box.offset()), box.offset() + box.length());
    }

    /** The boxes laid end to end in {@code [from, to)}; sizes are checked against the bounds. */
    private static List<Box> boxes(byte[] b, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        int at = from;
        while (at < to) {
            if (to - at < 8) {
                throw new IllegalArgumentException("truncated box header at byte " + at);
            }
            long size = ByteBuffer.wrap(b, at, 8).getInt() & 0xFFFFFFFFL;
            int type = ByteBuffer.wrap(b, at + 4, 4).getInt();
            if (size == 1) {
                if (to - at < 16) {
                    throw new IllegalArgumentException("truncated large box header at byte " + at);
                }
                size = ByteBuffer.wrap(b, at + 8, 8).getLong();
            } else if (size == 0) {
                size = to - at; // to the end of the enclosing box
            }
            if (size < 8 || size > to - at) {
                throw new IllegalArgumentException("box at byte " + at + " has size " + size + ", outside its container");
            }
            boxes.add(new Box(type, at, (int) size));
            at += (int) size;
        }
        return boxes;
    }

    private static int headerLength(byte[] b, int offset) {
        return ByteBuffer.wrap(b, offset, 4).getInt() == 1 ? 16 : 8;
    }

    private static String superboxLabel(byte[] b, Box superbox) {
        List<Box> children = children(b, superbox);
        return children.isEmpty() || children.get(0).type() != TYPE_JUMD ? null : label(b, children.get(0));
    }

    /** A description box's label: after the 16-byte type UUID and the toggles byte, NUL-terminated UTF-8. */
    private static String label(byte[] b, Box description) {
        int start = description.offset() + headerLength(b, description.offset());
        int end = description.offset() + description.length();
        if (end - start < 17 || (b[start + 16] & LABEL_PRESENT) == 0) {
            return null;
        }
        int from = start + 17;
        int nul = from;
        while (nul < end && b[nul] != 0) {
            nul++;
        }
        return new String(b, from, nul - from, StandardCharsets.UTF_8);
    }
}
