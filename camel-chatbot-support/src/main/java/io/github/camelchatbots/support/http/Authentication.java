package io.github.camelchatbots.support.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;

/**
 * How a vendor wants its credential presented. A small value: the credential itself is only ever written into a
 * request header; {@link #toString()} and {@link #fingerprint()} never reveal it.
 */
public final class Authentication {

    private final String headerName;
    private final String headerValue;
    private final String scheme;

    private Authentication(String headerName, String headerValue, String scheme) {
        this.headerName = headerName;
        this.headerValue = headerValue;
        this.scheme = scheme;
    }

    /** The key as-is in a header of its own, as Ebbot's {@code x-api-key: <public>.<secret>}. */
    public static Authentication headerKey(String headerName, String key) {
        return new Authentication(headerName, requireCredential(key), "header " + headerName);
    }

    /**
     * {@code Authorization: Basic <key>} with the key sent exactly as issued: some vendors hand out a value that is
     * already the Basic credential, and encoding it again would break it.
     */
    public static Authentication rawBasic(String key) {
        return new Authentication(HttpHeaders.AUTHORIZATION, "Basic " + requireCredential(key), "basic");
    }

    /** {@code Authorization: Bearer <token>}. */
    public static Authentication bearer(String token) {
        return new Authentication(HttpHeaders.AUTHORIZATION, "Bearer " + requireCredential(token), "bearer");
    }

    /** For calls whose URL itself is the secret (Ebbot's incoming webhooks). */
    public static Authentication none() {
        return new Authentication(null, null, "none");
    }

    private static String requireCredential(String credential) {
        if (credential == null || credential.isBlank()) {
            throw new IllegalArgumentException("credential must not be empty");
        }
        return credential;
    }

    public void applyTo(HttpRequest request) {
        if (headerName != null) {
            request.setHeader(headerName, headerValue);
        }
    }

    /**
     * A short, stable, one-way digest of the credential: tells accounts apart (rate limiters, cursor keys)
     * without the credential ever leaving this object.
     */
    public String fingerprint() {
        if (headerValue == null) {
            return "anonymous";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(headerValue.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "Authentication[" + scheme + ", credential=****]";
    }
}
