package dev.juror.export;

import static dev.juror.lambda.RewardRecords.RECORDS_PROPERTY;

import dev.juror.io.AtomicFiles;
import dev.juror.io.InputFiles;
import dev.juror.io.TempFolders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs a reward Lambda package on this machine the way the Lambda Java runtime does: the zip is
 * extracted, its root and {@code lib/*.jar} go on the class path of an isolated
 * {@link URLClassLoader} whose parent is the platform class loader (so nothing of the workbench
 * leaks in: a jar missing from the package fails here as it would in Lambda), the handler class is
 * instantiated with its no-argument constructor (the init phase) and
 * {@code handleRequest(InputStream, OutputStream, Context)} is called with a {@code Context} proxy
 * from the package's own {@code aws-lambda-java-core}.
 */
public final class LocalLambdaInvoker {

    public static final String HANDLER = "dev.juror.lambda.RewardHandler";
    /** Lambda's limit on a deployment package once unzipped; a bigger one could not be deployed anyway. */
    public static final long MAX_UNZIPPED_BYTES = 250 * InputFiles.MB;
    /** A Juror package holds a few dozen jars; tens of thousands of entries is a bomb or another file. */
    public static final int MAX_ENTRIES = 10_000;
    /** The zip itself is never bigger than what it unpacks to. */
    public static final InputFiles.ReadLimit PACKAGE_LIMIT = new InputFiles.ReadLimit(MAX_UNZIPPED_BYTES,
            "Lambda refuses a package that big; export it again with juror export lambda");
    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    /** How the invocation went: the handler's exact output, and the init and invoke times. */
    public record Invocation(byte[] output, Duration init, Duration invoke, List<String> log) {
    }

    private LocalLambdaInvoker() {
    }

    /**
     * @param endpoint for {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} (as the system property the SDK reads)
     * @param region   for {@code AWS_REGION} (as the system property {@code aws.region})
     * @param timeout  the Lambda timeout the handler sees through {@code getRemainingTimeInMillis}
     */
    public static Invocation invoke(Path zip, byte[] event, Optional<URI> endpoint, Optional<String> region,
                                    Duration timeout) throws IOException {
        Path dir = Files.createTempDirectory("juror-lambda-");
        Map<String, String> saved = new LinkedHashMap<>();
        try {
            extract(zip, dir);
            endpoint.ifPresent(uri -> {
                set(saved, "aws.endpointUrlBedrockRuntime", uri.toString());
                if (isLoopback(uri) && System.getenv("AWS_ACCESS_KEY_ID") == null
                        && System.getProperty("aws.accessKeyId") == null) {
                    // A local Converse server does not check signatures; the SDK still needs some keys.
                    set(saved, "aws.accessKeyId", "local-invoke");
                    set(saved, "aws.secretAccessKey", "local-invoke");
                }
            });
            region.ifPresent(r -> set(saved, "aws.region", r));
            try (URLClassLoader loader = new URLClassLoader("lambda-package", classPath(dir),
                    ClassLoader.getPlatformClassLoader())) {
                return run(loader, event, timeout);
            }
        } finally {
            saved.forEach((key, old) -> {
                if (old == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, old);
                }
            });
            TempFolders.deleteQuietly(dir);
        }
    }

    private static Invocation run(URLClassLoader loader, byte[] event, Duration timeout) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        List<String> log = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            Class<?> handlerClass = Class.forName(HANDLER, true, loader);
            Object handler = withRecordsOnStderr(() -> handlerClass.getConstructor().newInstance());
            long t1 = System.nanoTime();
            Class<?> contextClass = Class.forName(CONTEXT, false, loader);
            Object context = context(loader, contextClass, timeout, log);
            Method handle = handlerClass.getMethod("handleRequest", InputStream.class, OutputStream.class, contextClass);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handle.invoke(handler, new ByteArrayInputStream(event), out, context);
            long t2 = System.nanoTime();
            return new Invocation(out.toByteArray(), Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), log);
        } catch (ClassNotFoundException e) {
            throw new IOException("the package has no class " + e.getMessage() + "; is it a Juror reward Lambda zip?", e);
        } catch (InvocationTargetException e) {
            throw new IOException("the handler failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot call the handler: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private interface Init {
        Object build() throws ReflectiveOperationException;
    }

    /** The handler's reward records (its switch is read at init) go to stderr here: stdout is the answer. */
    private static Object withRecordsOnStderr(Init init) throws ReflectiveOperationException {
        String before = System.getProperty(RECORDS_PROPERTY);
        if (before != null) {
            return init.build();
        }
        System.setProperty(RECORDS_PROPERTY, "stderr");
        try {
            return init.build();
        } finally {
            System.clearProperty(RECORDS_PROPERTY);
        }
    }

    private static Object context(ClassLoader loader, Class<?> contextClass, Duration timeout, List<String> log)
            throws ClassNotFoundException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        Class<?> loggerClass = Class.forName(LOGGER, false, loader);
        Object logger = Proxy.newProxyInstance(loader, new Class<?>[] {loggerClass}, (p, m, args) -> {
            if (m.getName().equals("log") && args != null && args.length == 1) {
                log.add(args[0] instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                        : String.valueOf(args[0]));
            }
            return defaultValue(m.getReturnType());
        });
        return Proxy.newProxyInstance(loader, new Class<?>[] {contextClass}, (p, m, args) -> switch (m.getName()) {
            case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
            case "getLogger" -> logger;
            case "getMemoryLimitInMB" -> 2048;
            case "getFunctionName" -> "JurorReward-SageMaker-local";
            case "getAwsRequestId" -> "local-invoke";
            case "toString" -> "LocalLambdaContext";
            case "hashCode" -> System.identityHashCode(p);
            case "equals" -> p == args[0];
            default -> m.getReturnType() == String.class ? "" : defaultValue(m.getReturnType());
        });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    static URL[] classPath(Path dir) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(dir.toUri().toURL());
        Path lib = dir.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
        }
        if (urls.size() == 1) {
            throw new IOException("the package has no lib/*.jar; expected a zip written by juror export lambda");
        }
        return urls.toArray(URL[]::new);
    }

    static void extract(Path zip, Path dir) throws IOException {
        extract(zip, dir, MAX_UNZIPPED_BYTES, MAX_ENTRIES);
    }

    /**
     * Extracts with the sizes checked while reading, never trusting the sizes the zip declares: the
     * extraction stops as soon as the bytes written or the entries seen pass the limits, so a zip bomb
     * costs at most {@code maxBytes} of disk and nothing of the memory.
     */
    static void extract(Path zip, Path dir, long maxBytes, int maxEntries) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(InputFiles.open(zip, zip.toString()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new IOException("the package has more than " + maxEntries + " entries; it is not a zip written"
                            + " by juror export lambda");
                }
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("zip entry " + entry.getName() + " points outside the package");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                if (Files.exists(target)) {
                    throw new java.nio.file.FileAlreadyExistsException(target.toString());
                }
                long[] written = {total};
                AtomicFiles.writeBytes(target, out -> {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        written[0] += n;
                        if (written[0] > maxBytes) {
                            throw new IOException("the package unpacks to more than " + InputFiles.size(maxBytes)
                                    + " (the Lambda limit for an unzipped package); it is not a zip written by juror"
                                    + " export lambda");
                        }
                        out.write(buffer, 0, n);
                    }
                });
                total = written[0];
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(zip + " is not a zip file: " + e.getMessage(), e);
        }
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1"));
    }

    private static void set(Map<String, String> saved, String key, String value) {
        saved.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }
}
