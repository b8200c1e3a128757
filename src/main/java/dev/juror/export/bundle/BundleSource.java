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

    /** Zip entries beside the bundle's folder (zip only): not part of it, so not verified. */
    List<String> outsideTheBundle() {
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
        private final List<String> outside = new ArrayList<>();

        Zipped(ZipFile zip) {
            this.zip = zip;
            List<ZipEntry> all = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    all.add(entry);
                }
            }
            String prefix = bundleFolder(all);
            for (ZipEntry entry : all) {
                String name = entry.getName();
                if (!safe(name)) {
                    unsafe.add(name);
                } else if (!name.startsWith(prefix)) {
                    outside.add(name);
                } else {
                    entries.put(name.substring(prefix.length()), entry);
                }
            }
        }

        /** "bundle/" when the manifest is not at the root but in exactly one top-level folder; else "". */
        private static String bundleFolder(List<ZipEntry> all) {
            List<String> manifests = all.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith("/" + BundleManifest.FILE) && n.indexOf('/') == n.lastIndexOf('/')).toList();
            boolean atRoot = all.stream().anyMatch(e -> e.getName().equals(BundleManifest.FILE));
            return atRoot || manifests.size() != 1 ? ""
                    : manifests.get(0).substring(0, manifests.get(0).length() - BundleManifest.FILE.length());
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
        List<String> outsideTheBundle() {
            return List.copyOf(outside);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
