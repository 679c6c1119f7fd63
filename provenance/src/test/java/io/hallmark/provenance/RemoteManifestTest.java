package io.hallmark.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.hallmark.c2pa.Builder;
import io.hallmark.c2pa.C2paStream;
import io.hallmark.c2pa.Context;
import io.hallmark.c2pa.Reader;
import io.hallmark.c2pa.Settings;
import io.hallmark.c2pa.Signer;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.testdata.SharedData;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification is offline: a file whose manifest is stored remotely (a URL in its XMP) is reported as "cannot be
 * verified here", and no request leaves this machine for it. Every surface (verify, scan, the service, Beam) reads
 * through {@link ProvenanceReader} with {@link TrustSettings#toNative()}, the one place that turns fetching off.
 */
class RemoteManifestTest {
    private static final String MANIFEST = """
            {"claim_generator_info":[{"name":"hallmark-test","version":"0"}],"title":"remote.jpg","format":"image/jpeg",
             "assertions":[{"label":"c2pa.actions.v2","data":{"actions":[{"action":"c2pa.created",
               "digitalSourceType":"http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"}]}}]}
            """;

    @TempDir
    Path dir;
    private HttpServer stub;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile byte[] served = new byte[0];

    @BeforeEach
    void start() throws Exception {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", x -> {
            requests.incrementAndGet();
            x.getResponseHeaders().set("Content-Type", "application/c2pa");
            x.sendResponseHeaders(200, served.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(served);
            }
        });
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    /** A JPEG signed with its manifest store served by the loopback stub only. */
    private Path remotelySigned() throws Exception {
        Path out = dir.resolve("remote.jpg");
        FixtureSigner key = new FixtureSigner();
        String url = "http://127.0.0.1:" + stub.getAddress().getPort() + "/manifest.c2pa";
        try (Settings settings = TrustSettings.NONE.toNative(); Context context = Context.of(settings);
             Signer signer = Signer.create(key::sign, key.algorithm(), key.certificateChainPem(), null);
             Builder builder = Builder.create(context, MANIFEST).remoteUrl(url).noEmbed();
             C2paStream in = C2paStream.openRead(SharedData.c2paFixture("c2pa-rs/image/no_manifest.jpg"));
             C2paStream dest = C2paStream.openReadWrite(out)) {
            served = builder.sign("image/jpeg", in, dest, signer);
        }
        assertTrue(served.length > 1000, "the manifest store the stub serves");
        return out;
    }

    @Test
    void aRemoteManifestIsCannotBeVerifiedHereAndNeverFetched() throws Exception {
        Path file = remotelySigned();
        try (ProvenanceReader reader = new ProvenanceReader(TrustSettings.NONE)) {
            C2paReport report = reader.read(file);
            assertTrue(report.unverifiable(), report.state() + " " + report.error());
            assertTrue(C2paReport.unverifiableReason(report.error().orElse("")).contains("stored remotely"),
                    report.error().toString());
        }
        assertEquals(0, requests.get(), "no request reached the stub");
    }

    @Test
    void theStubWouldHaveBeenAskedHadFetchingBeenOn() throws Exception {
        // the check above can fail: the same file, read with c2pa-rs's fetching on, asks the stub for its store
        Path file = remotelySigned();
        try (Settings settings = TrustSettings.NONE.toNative().set("verify.remote_manifest_fetch", "true");
             Context context = Context.of(settings)) {
            String json = Reader.readJson(context, file);
            assertTrue(json.contains("remote.jpg"), json);
        }
        assertTrue(requests.get() > 0, "c2pa-rs fetched the remote manifest");
    }
}
