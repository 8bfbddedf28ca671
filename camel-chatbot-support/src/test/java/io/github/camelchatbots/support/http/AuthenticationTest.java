package io.github.camelchatbots.support.http;

import java.util.List;
import java.util.stream.Stream;

import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticationTest {

    private static final String KEY = "pk_live_4711.Sup3rS3cret";

    static Stream<Authentication> everyScheme() {
        return Stream.of(Authentication.headerKey("x-api-key", KEY), Authentication.bearer(KEY),
                Authentication.rawBasic(KEY), Authentication.basic("bot", KEY),
                Authentication.queryParameter("token", KEY));
    }

    private static HttpRequest appliedTo(Authentication authentication) {
        HttpRequest request = new BasicHttpRequest(Method.GET, "/");
        authentication.applyTo(request);
        return request;
    }

    @Test
    void writesTheCredentialIntoItsHeader() {
        assertThat(appliedTo(Authentication.headerKey("x-api-key", KEY)).getFirstHeader("x-api-key").getValue())
                .isEqualTo(KEY);
        assertThat(appliedTo(Authentication.bearer(KEY)).getFirstHeader("Authorization").getValue())
                .isEqualTo("Bearer " + KEY);
        // some vendors issue the finished Basic credential: encoding it again would break it
        assertThat(appliedTo(Authentication.rawBasic(KEY)).getFirstHeader("Authorization").getValue())
                .isEqualTo("Basic " + KEY);
        assertThat(appliedTo(Authentication.none()).getHeaders()).isEmpty();
    }

    @Test
    void basicEncodesUserAndPasswordAsRfc7617Says() {
        // the RFC's own example
        assertThat(appliedTo(Authentication.basic("Aladdin", "open sesame")).getFirstHeader("Authorization")
                .getValue()).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThatThrownBy(() -> Authentication.basic("a:b", KEY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(KEY);
    }

    @Test
    void aQueryParameterCredentialJoinsTheQueryTheRequestAlreadyHas() throws Exception {
        HttpRequest request = new BasicHttpRequest(Method.GET, "/api/users?page=2&name=a%20b");
        Authentication.queryParameter("token", "k&y=1").applyTo(request);

        assertThat(request.getUri().getRawQuery()).isEqualTo("page=2&name=a%20b&token=k%26y%3D1");
        assertThat(request.getHeaders()).isEmpty();
        assertThat(Authentication.queryParameter("token", KEY).fingerprint())
                .isNotEqualTo(Authentication.queryParameter("key", KEY).fingerprint());
    }

    @ParameterizedTest
    @MethodSource("everyScheme")
    void toStringHidesTheCredential(Authentication authentication) {
        assertThat(authentication.toString()).doesNotContain(KEY).doesNotContain("Sup3r").contains("****");
    }

    @Test
    void theFingerprintIsAShortDigestThatDoesNotRevealTheCredential() {
        // a key of hex digits only: a fingerprint cut from the key itself would look just as plausible
        String hexKey = "0123456789abcdef0123456789abcdef";
        for (Authentication authentication : List.of(Authentication.headerKey("x-api-key", hexKey),
                Authentication.bearer(hexKey), Authentication.rawBasic(hexKey), Authentication.basic("u", hexKey),
                Authentication.queryParameter("token", hexKey))) {
            String fingerprint = authentication.fingerprint();

            assertThat(fingerprint).matches("[0-9a-f]{16}");
            assertThat(hexKey).doesNotContain(fingerprint);
        }
    }

    @Test
    void theFingerprintTellsAccountsApartAndStaysStable() {
        String fingerprint = Authentication.headerKey("x-api-key", KEY).fingerprint();

        // stable across instances and restarts: it names rate-limit accounts and cursor keys
        assertThat(Authentication.headerKey("x-api-key", KEY).fingerprint()).isEqualTo(fingerprint);
        assertThat(Authentication.headerKey("x-api-key", KEY + "x").fingerprint()).isNotEqualTo(fingerprint);
        assertThat(Authentication.none().fingerprint()).isEqualTo("anonymous");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void anEmptyCredentialIsRejected(String credential) {
        assertThatThrownBy(() -> Authentication.headerKey("x-api-key", credential))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Authentication.bearer(credential)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Authentication.rawBasic(credential)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Authentication.basic("user", credential))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Authentication.queryParameter("token", credential))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
