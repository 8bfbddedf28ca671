package io.github.camelchatbots.component.ebbot;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.camelchatbots.support.error.ChatbotConnectionException;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Certificates are verified unless configured otherwise, and sslContextParameters decides whom to trust. */
class EbbotTlsTest extends EbbotTestSupport {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    private Path keyStore;
    private HttpsServer vendor;

    @BeforeEach
    void startSelfSignedVendor() throws Exception {
        keyStore = dir.resolve("vendor.p12");
        // the JDK's own keytool: the JDK has no public API to issue a certificate
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "vendor", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        vendor = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vendor.setHttpsConfigurator(new HttpsConfigurator(tls));
        vendor.createContext("/", exchange -> {
            byte[] body = "[{\"id\":\"1723454103.158.fa1419c9-2568-4ea5-9ddc-00b6c0fbd69e\"}]"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        vendor.start();
    }

    @AfterEach
    void stopVendor() {
        vendor.stop(0);
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        assertThatThrownBy(() -> template.requestBody("ebbot:chats?baseUrl=" + baseUrl(), (Object) null))
                .cause().isInstanceOf(ChatbotConnectionException.class).hasMessageContaining("SSL");
    }

    @Test
    void sslContextParametersTrustTheVendorsCertificate() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + keyStore);
        trustStore.setPassword(PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        context.getRegistry().bind("vendorTls", parameters);

        List<?> chats = template.requestBody("ebbot:chats?sslContextParameters=#vendorTls&baseUrl=" + baseUrl(),
                (Object) null, List.class);

        assertThat(chats).hasSize(1);
    }

    private String baseUrl() {
        return "https://127.0.0.1:" + vendor.getAddress().getPort();
    }
}
