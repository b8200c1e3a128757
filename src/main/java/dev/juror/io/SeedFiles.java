package dev.juror.io;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies a folder of the shipped seed ({@code dev/juror/seed/...} on the class path) to disk. The
 * seed is a folder when running from {@code target/classes} and a jar entry tree when running
 * from {@code juror.jar}; both are walked as a {@link Path}.
 */
public final class SeedFiles {

    public static final String SEED_ROOT = "dev/juror/seed";

    private SeedFiles() {
    }

    /** Copies {@code seed/<folder>} into {@code target}, keeping files that already exist. Returns files copied. */
    public static int copyFolder(String folder, Path target) throws IOException {
        URL url = SeedFiles.class.getClassLoader().getResource(SEED_ROOT + "/" + folder);
        if (url == null) {
            throw new IOException("the shipped seed folder " + SEED_ROOT + "/" + folder
                    + " is missing from the class path; rebuild juror.jar");
        }
        URI uri = toUri(url);
        if (!"jar".equals(uri.getScheme())) {
            return copyTree(Path.of(uri), target);
        }
        FileSystem opened;
        try {
            opened = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // Someone else has the jar open as a file system: use it, and leave it open.
            return copyTree(FileSystems.getFileSystem(uri).provider().getPath(uri), target);
        }
        try (FileSystem jar = opened) {
            return copyTree(jar.provider().getPath(uri), target);
        }
    }

    private static URI toUri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the shipped seed at " + url, e);
        }
    }

    private static int copyTree(Path source, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        int copied = 0;
        for (Path file : files) {
            Path relative = source.relativize(file);
            Path destination = target;
            for (Path part : relative) {
                destination = destination.resolve(part.toString());
            }
            if (Files.exists(destination)) {
                continue;
            }
            AtomicFiles.writeBytes(destination, out -> Files.copy(file, out));
            Files.setLastModifiedTime(destination, Files.getLastModifiedTime(file));
            copied++;
        }
        return copied;
    }
}
