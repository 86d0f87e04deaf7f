package io.action4j.plugins.video;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** MMAction2's test data in ../shared/fixtures, and the committed reference checksums. */
final class Fixtures {

    private Fixtures() {
    }

    /** {@code shared/fixtures/mmaction2/<relative>}, or the test is skipped naming what is missing. */
    static Path mmaction2(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared/fixtures/mmaction2"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "no shared/fixtures/mmaction2 above " + Path.of("").toAbsolutePath()
                + " (the project's ../shared checkout); skipping");
        Path file = dir.resolve("shared/fixtures/mmaction2").resolve(relative);
        assumeTrue(Files.exists(file), "missing fixture " + file + "; skipping");
        return file;
    }

    /**
     * The MD5s of a committed reference file, one per frame: the last comma-separated column of an
     * ffmpeg {@code .framemd5} file, or the whole line of a plain {@code .md5} list.
     */
    static List<String> frameMd5(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource reference/" + name);
            }
            return md5Column(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same for a reference file given by path. */
    static List<String> md5Lines(Path file) throws IOException {
        return md5Column(Files.readString(file));
    }

    private static List<String> md5Column(String text) {
        return text.lines()
                .filter(line -> !line.isBlank())
                .map(line -> line.substring(line.lastIndexOf(',') + 1).trim())
                .toList();
    }

    static String md5(byte[] bytes) {
        try {
            return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
