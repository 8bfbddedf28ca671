package io.github.camelchatbots.component.engati.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code target_audience} of an external broadcast: a CSV file whose first column is {@code user.phone_number},
 * as a file name and its bytes. Engati judges the file itself (2005 when it is not CSV); the component does not.
 */
public final class AudienceFile {

    public static final String DEFAULT_FILE_NAME = "audience.csv";

    private final String fileName;
    private final byte[] content;

    public AudienceFile(String fileName, byte[] content) {
        this.fileName = fileName == null || fileName.isBlank() ? DEFAULT_FILE_NAME : fileName;
        this.content = Objects.requireNonNull(content, "content").clone();
    }

    public static AudienceFile ofText(String csv) {
        return new AudienceFile(DEFAULT_FILE_NAME, csv.getBytes(StandardCharsets.UTF_8));
    }

    public String fileName() {
        return fileName;
    }

    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return "AudienceFile[" + fileName + ", " + content.length + " bytes]";
    }
}
