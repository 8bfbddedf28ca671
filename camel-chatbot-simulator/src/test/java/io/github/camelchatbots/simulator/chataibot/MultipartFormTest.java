package io.github.camelchatbots.simulator.chataibot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelchatbots.simulator.chataibot.MultipartForm.Part;

import org.junit.jupiter.api.Test;

import java.util.List;

class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=XyZ";

    @Test
    void splitsFilesAndTextsKeepingTheirContentExactly() {
        String body = "preamble to ignore\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"a b.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "line 1\r\nline 2\r\n\r\n"
                + "\r\n--XyZ\r\n"
                + "content-disposition: form-data; name=\"note\"\r\n\r\n"
                + "a line may hold --XyZ; only a line starting with it is a delimiter"
                + "\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"empty\"\r\n\r\n"
                + "\r\n--XyZ--\r\nepilogue";

        List<Part> parts = MultipartForm.parse(TYPE, body);

        assertThat(parts).containsExactly(
                new Part("files", "a b.txt", "text/plain", "line 1\r\nline 2\r\n\r\n"),
                new Part("note", null, null, "a line may hold --XyZ; only a line starting with it is a delimiter"),
                new Part("empty", null, null, ""));
        assertThat(parts.get(0).isFile()).isTrue();
        assertThat(parts.get(1).isFile()).isFalse();
    }

    @Test
    void acceptsQuotedBoundariesBareLineFeedsAndEncodedFileNames() {
        String body = "--a;b\n"
                + "Content-Disposition: form-data; filename*=UTF-8''na%C3%AFve+1.txt; name=\"doc\"\n\n"
                + "x\n"
                + "--a;b\n"
                + "Content-Disposition: form-data; name=\"say \\\"hi\\\"\"\n\n"
                + "y\n"
                + "--a;b--";

        List<Part> parts = MultipartForm.parse("Multipart/Form-Data; charset=utf-8; boundary=\"a;b\"", body);

        assertThat(parts).containsExactly(new Part("doc", "na\u00efve+1.txt", null, "x"),
                new Part("say \"hi\"", null, null, "y"));
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> MultipartForm.parse(null, "")).hasMessageContaining("must be multipart/form-data");
        assertThatThrownBy(() -> MultipartForm.parse("text/plain", "")).hasMessageContaining("was text/plain");
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data; boundary=", ""))
                .hasMessageContaining("needs a boundary");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, "no parts at all"))
                .hasMessageContaining("no part delimited by the boundary XyZ");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, "--XyZ\r\nContent-Disposition: form-data; name=\"a\""
                + "\r\n\r\nnever closed")).hasMessageContaining("part 1 is not closed");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--"))
                .hasMessageContaining("part 1 has no Content-Disposition");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, "--XyZ\r\nContent-Disposition: attachment; name=\"a\""
                + "\r\n\r\nx\r\n--XyZ--")).hasMessageContaining("form-data; name=");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, "--XyZ\r\nContent-Disposition: form-data; name=\"a\""
                + "\r\n\r\nx\r\n--XyZ")).hasMessageContaining("closing boundary --XyZ-- is missing");
    }
}
