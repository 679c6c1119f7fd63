package io.hallmark.bench.verify;

import io.hallmark.Credential;
import io.hallmark.HallmarkHome;
import io.hallmark.generator.imported.ImportSource;
import io.hallmark.generator.pipeline.CertifyingPipeline;
import io.hallmark.generator.pipeline.Progress;
import io.hallmark.media.Ffmpeg;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.watermark.WatermarkKey;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Builds the mixed folder a platform would scan: good, stripped, unmarked, tampered and broken files. */
public final class ScanCorpus {
    private ScanCorpus() {}

    public static Path build(Path work, List<Path> clips, int seconds, int copies, HallmarkHome home, PrintStream log) throws Exception {
        Path distinct = Files.createDirectories(work.resolve("distinct"));
        WatermarkKey key = WatermarkKey.loadOrCreate(home.watermarkKey());
        try (ManifestStore store = ManifestStore.open(home.manifestStore())) {
            CertifyingPipeline pipeline = new CertifyingPipeline(key, Credential.development().open(home), Optional.empty(),
                    Optional.of(store));
            Random random = new Random(11);
            for (Path clip : clips) {
                String name = clip.getFileName().toString().replaceAll("\\.[^.]+$", "");
                Path unmarked = distinct.resolve("unmarked-" + name + ".mp4");
                if (Files.exists(unmarked)) {
                    continue;
                }
                log.println("corpus: " + name);
                Ffmpeg.run(300, "-i", clip.toString(), "-t", Integer.toString(seconds), "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2", "-c:v",
                        "libx264", "-preset", "veryfast", "-crf", "23", "-an", unmarked.toString());
                Path certified = distinct.resolve("certified-" + name + ".mp4");
                try (ImportSource source = ImportSource.open(unmarked, "external-model", "1")) {
                    pipeline.run(source, source.info().frameRate(), certified, Optional.of(unmarked), Progress.NONE);
                }
                // "720p" as platforms mean it: the shorter side becomes 720 (a portrait clip becomes 720x1280)
                Ffmpeg.run(300, "-i", certified.toString(), "-vf", "scale='if(gt(iw,ih),-2,720)':'if(gt(iw,ih),720,-2)'", "-c:v", "libx264", "-preset",
                        "veryfast", "-crf", "28", "-map_metadata", "-1", distinct.resolve("stripped-" + name + ".mp4").toString());
                Path tampered = distinct.resolve("tampered-" + name + ".mp4");
                Files.copy(certified, tampered);
                try (RandomAccessFile f = new RandomAccessFile(tampered.toFile(), "rw")) {
                    long pos = f.length() / 2 + random.nextInt(1000);
                    f.seek(pos);
                    int b = f.read();
                    f.seek(pos);
                    f.write(b ^ 0xff);
                }
                byte[] bytes = Files.readAllBytes(certified);
                Files.write(distinct.resolve("truncated-" + name + ".mp4"), Arrays.copyOf(bytes, bytes.length / 3));
                byte[] noise = new byte[100_000];
                random.nextBytes(noise);
                Files.write(distinct.resolve("random-" + name + ".mp4"), noise);
                Files.writeString(distinct.resolve("notes-" + name + ".txt"), "not a media file");
            }
        }
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        try (var files = Files.list(distinct)) {
            for (Path f : files.toList()) {
                for (int c = 0; c < copies; c++) {
                    Path target = Files.createDirectories(corpus.resolve("copy-" + c)).resolve(f.getFileName());
                    if (!Files.exists(target)) {
                        Files.createLink(target, f);
                    }
                }
            }
        }
        return corpus;
    }
}
