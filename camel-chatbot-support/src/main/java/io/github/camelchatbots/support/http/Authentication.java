package io.github.camelchatbots.support.http;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.net.URIBuilder;

/**
 * How a vendor wants its credential presented: any header, Basic (as issued or encoded from a user and password),
 * Bearer, or a query parameter. A small value: the credential is only ever written into the request itself;
 * {@link #toString()} and {@link #fingerprint()} never reveal it, and the calls' descriptions in logs and errors are
 * made from path templates, without it.
 */
public final class Authentication {

    private final String headerName;
    private final String headerValue;
    private final String queryName;
    private final String scheme;

    private Authentication(String headerName, String headerValue, String queryName, String scheme) {
        this.headerName = headerName;
        this.headerValue = headerValue;
        this.queryName = queryName;
        this.scheme = scheme;
    }

    private Authentication(String headerName, String headerValue, String scheme) {
        this(headerName, headerValue, null, scheme);
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

    /** {@code Authorization: Basic base64(user:password)}, as RFC 7617 has it. */
    public static Authentication basic(String user, String password) {
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic user name must not be empty or contain ':'");
        }
        String pair = user + ":" + requireCredential(password);
        return new Authentication(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)), "basic");
    }

    /**
     * The credential as a query parameter, for vendors that take it only so. It is then part of the request line,
     * which HttpClient's own DEBUG log prints: keep that logger at INFO (see docs/secrets.md).
     */
    public static Authentication queryParameter(String name, String credential) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the query parameter's name must not be empty");
        }
        return new Authentication(null, requireCredential(credential), name, "query parameter " + name);
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
        if (queryName != null) {
            try {
                request.setUri(new URIBuilder(request.getUri()).setParameter(queryName, headerValue).build());
            } catch (URISyntaxException e) {
                // the message would quote the URI, credential included
                throw new IllegalStateException("the request's URI cannot take the credential parameter " + queryName);
            }
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
            String presented = (queryName != null ? queryName + "=" : "") + headerValue;
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
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
