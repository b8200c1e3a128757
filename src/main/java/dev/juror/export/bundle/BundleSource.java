package dev.juror.export.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of a bundle to verify: a folder, or a zipped folder read in place (nothing is extracted,
 * so an entry named {@code ../x} cannot write anywhere; such names are reported as unsafe instead).
 * A zip may hold the bundle at its root or inside one top-level folder.
 */
abstract sealed class BundleSource implements AutoCloseable {

    /** The bundle's files, {@code /}-separated and relative to its root, sorted. */
    abstract List<String> files() throws IOException;

    abstract InputStream open(String file) throws IOException;

    /** Entry names that could escape a folder when extracted (zip only). */
    List<String> unsafeNames() {
        return List.of();
    }

    byte[] read(String file, int limit) throws IOException {
        try (InputStream in = open(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new IOException(file + " is larger than " + limit + " bytes");
            }
            return bytes;
        }
    }

    @Override
    public void close() throws IOException {
    }

    static BundleSource of(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new Folder(path);
        }
        if (Files.isRegularFile(path)) {
            return new Zipped(new ZipFile(path.toFile()));
        }
        throw new java.nio.file.NoSuchFileException(path.toString());
    }

    static final class Folder extends BundleSource {
        private final Path root;

        Folder(Path root) {
            this.root = root;
        }

        @Override
        List<String> files() throws IOException {
            List<String> all = new ArrayList<>(BundleManifest.filesOf(root));
            if (Files.isRegularFile(root.resolve(BundleManifest.FILE))) {
                all.add(BundleManifest.FILE);
            }
            all.sort(null);
            return all;
        }

        @Override
        InputStream open(String file) throws IOException {
            return Files.newInputStream(root.resolve(file));
        }
    }

    static final class Zipped extends BundleSource {
        private final ZipFile zip;
        private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
        private final List<String> unsafe = new ArrayList<>();

        Zipped(ZipFile zip) {
            this.zip = zip;
            List<ZipEntry> all = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    all.add(entry);
                }
            }
            String prefix = commonFolder(all);
            for (ZipEntry entry : all) {
                String name = entry.getName();
                if (!safe(name)) {
                    unsafe.add(name);
                } else {
                    entries.put(name.substring(prefix.length()), entry);
                }
            }
        }

        /** "bundle/" when every entry lies in that one folder and the manifest is there; else "". */
        private static String commonFolder(List<ZipEntry> all) {
            if (all.stream().anyMatch(e -> e.getName().equals(BundleManifest.FILE)) || all.isEmpty()) {
                return "";
            }
            String first = all.get(0).getName();
            int slash = first.indexOf('/');
            if (slash < 0) {
                return "";
            }
            String prefix = first.substring(0, slash + 1);
            boolean one = all.stream().allMatch(e -> e.getName().startsWith(prefix));
            return one && all.stream().anyMatch(e -> e.getName().equals(prefix + BundleManifest.FILE)) ? prefix : "";
        }

        static boolean safe(String name) {
            if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
                return false;
            }
            for (String part : name.split("/", -1)) {
                if (part.equals("..") || part.equals(".")) {
                    return false;
                }
            }
            return true;
        }

        @Override
        List<String> files() {
            List<String> names = new ArrayList<>(entries.keySet());
            Collections.sort(names);
            return names;
        }

        @Override
        InputStream open(String file) throws IOException {
            ZipEntry entry = entries.get(file);
            if (entry == null) {
                throw new java.nio.file.NoSuchFileException(file);
            }
            return zip.getInputStream(entry);
        }

        @Override
        List<String> unsafeNames() {
            return List.copyOf(unsafe);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
