package io.hallmark.provenance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * A named bundle of trust anchors (PEM certificates), checked when it is loaded: a missing, empty, non-PEM
 * file or a broken block is an error naming the file and the block, never a silently shorter list. The
 * verifier's default is the official C2PA trust list shipped with the product ({@link #official()}, C2PA
 * Conformance Program, CC BY 4.0); newer lists are installed with {@code hallmark trust update}.
 *
 * @param name         what a report calls it, e.g. "C2PA trust list (2026-08-21)"
 * @param pem          the certificates, PEM, as given to c2pa-rs
 * @param certificates the same, parsed
 */
public record TrustList(String name, String pem, List<X509Certificate> certificates) {
    /** Snapshot date of the shipped lists. */
    public static final String OFFICIAL_DATE = "2026-08-21";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

    public TrustList {
        certificates = List.copyOf(certificates);
    }

    /** The C2PA trust list for claim signers, as shipped. */
    public static TrustList official() {
        return shipped("C2PA-TRUST-LIST.pem", "C2PA trust list (" + OFFICIAL_DATE + ")");
    }

    /** The C2PA trust list for time-stamp authorities, as shipped. */
    public static TrustList officialTsa() {
        return shipped("C2PA-TSA-TRUST-LIST.pem", "C2PA TSA trust list (" + OFFICIAL_DATE + ")");
    }

    private static TrustList shipped(String resource, String name) {
        try (InputStream in = TrustList.class.getResourceAsStream("trust/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the shipped trust list " + resource + " is missing from the installation");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("the shipped trust list " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads and checks a PEM bundle.
     *
     * @throws IOException naming the file: missing, unreadable, empty, not PEM, or a block that is not a certificate
     */
    public static TrustList fromFile(Path file, String name) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such trust list file");
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read the trust list: " + e.getMessage(), e);
        }
        try {
            return parse(name, text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the text holds no certificate, or a block is not one */
    public static TrustList of(String name, String text) {
        return parse(name, text);
    }

    static TrustList parse(String name, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("the trust list is empty");
        }
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("X.509 unavailable", e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        StringBuilder pem = new StringBuilder();
        Matcher m = BLOCK.matcher(text);
        int block = 0;
        while (m.find()) {
            block++;
            String whole = m.group();
            try {
                certificates.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(whole.getBytes(StandardCharsets.US_ASCII))));
            } catch (CertificateException | RuntimeException e) {
                throw new IllegalArgumentException("certificate block " + block + " is broken: " + e.getMessage());
            }
            pem.append(whole).append('\n');
        }
        if (block == 0) {
            throw new IllegalArgumentException(text.contains("-----BEGIN")
                    ? "no complete certificate block (a BEGIN without its END?)"
                    : "not a PEM file: no -----BEGIN CERTIFICATE----- block");
        }
        if (text.split("-----BEGIN CERTIFICATE-----", -1).length - 1 != block) {
            throw new IllegalArgumentException("a certificate block is cut off (BEGIN without END)");
        }
        return new TrustList(name, pem.toString(), certificates);
    }

    /**
     * Whether a signer certificate issued by {@code issuer} (c2pa-rs's {@code signature_info.issuer}, the
     * issuer's organization) could chain to this list: some anchor's subject names that organization. An
     * attribution for people, not a chain validation (c2pa-rs did that).
     */
    public boolean names(String issuer) {
        String wanted = issuer.strip().toLowerCase(Locale.ROOT);
        for (X509Certificate c : certificates) {
            String subject = c.getSubjectX500Principal().getName(X500Principal.RFC2253).toLowerCase(Locale.ROOT);
            if (subject.contains("o=" + wanted) || subject.contains("cn=" + wanted)) {
                return true;
            }
        }
        return false;
    }
}
