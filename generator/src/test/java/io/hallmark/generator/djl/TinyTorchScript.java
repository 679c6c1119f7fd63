package io.hallmark.generator.djl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a tiny TorchScript frame generator without Python: a TorchScript archive is a zip holding the
 * module's TorchScript source (compiled by libtorch when loaded) and a pickled module object. This one has
 * no weights; its {@code forward(z, t)} computes a 32x24 RGB frame from the latent and the time, which is
 * exactly what {@link TorchScriptFrameSource} has to cope with for a real model.
 */
final class TinyTorchScript {
    static final int WIDTH = 32;
    static final int HEIGHT = 24;

    private TinyTorchScript() {
    }

    /** The module's source, in the form {@code torch.jit.save} writes to {@code code/__torch__.py}. */
    static final String CODE = String.join("\n",
            "class Gen(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
            "  def forward(self: __torch__.Gen,",
            "    z: Tensor,",
            "    t: Tensor) -> Tensor:",
            "    ys = torch.unsqueeze(torch.linspace(-1., 1., " + HEIGHT + "), 1)",
            "    xs = torch.unsqueeze(torch.linspace(-1., 1., " + WIDTH + "), 0)",
            "    r = torch.sigmoid(torch.sin(xs * 3.0 + z[0, 0] * 2.0 + t[0]) * torch.cos(ys * 2.0 + z[0, 1]) * 2.0)",
            "    g = torch.sigmoid(torch.sin(xs * ys * 4.0 + t[0] * 0.5 + z[0, 2]) * 2.0)",
            "    b = torch.sigmoid(torch.cos(ys * 5.0 - t[0]) + z[0, 3] * 0.5 + xs)",
            "    return torch.unsqueeze(torch.stack([r, g, b]), 0)",
            "");

    static void write(Path file, String code) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            stored(zip, "archive/data.pkl", moduleObjectPickle());
            stored(zip, "archive/code/__torch__.py", code.getBytes(StandardCharsets.UTF_8));
            // constants.pkl: an empty tuple.
            stored(zip, "archive/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            stored(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Pickle (protocol 2) of {@code __torch__.Gen()} with its state {@code {'training': False}}. */
    private static byte[] moduleObjectPickle() {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80);                                            // PROTO 2
        p.write(2);
        p.writeBytes("c__torch__\nGen\n".getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        p.write(')');                                             // EMPTY_TUPLE
        p.write(0x81);                                            // NEWOBJ
        p.write('}');                                             // EMPTY_DICT
        p.write('(');                                             // MARK
        byte[] name = "training".getBytes(StandardCharsets.US_ASCII);
        p.write('X');                                             // BINUNICODE
        p.write(name.length);
        p.write(0);
        p.write(0);
        p.write(0);
        p.writeBytes(name);
        p.write(0x89);                                            // NEWFALSE
        p.write('u');                                             // SETITEMS
        p.write('b');                                             // BUILD
        p.write('.');                                             // STOP
        return p.toByteArray();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
