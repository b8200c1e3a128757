package dev.juror;

/**
 * The Main-Class of {@code juror.jar}. Compiled for Java 8 (every other class needs 21), so that
 * {@code java -jar juror.jar} on an older Java says what to install instead of failing with
 * {@code UnsupportedClassVersionError}. It touches {@link Main} only after the check.
 */
public final class JavaVersionGate {

    /** The oldest Java that runs Juror. */
    static final int REQUIRED = 21;

    private JavaVersionGate() {
    }

    public static void main(String[] args) {
        String message = refusal(System.getProperty("java.specification.version"), System.getProperty("java.home"));
        if (message != null) {
            System.err.println(message);
            System.exit(2);
        }
        Main.main(args);
    }

    /** The sentence for a Java older than {@link #REQUIRED}, or null when this one will do. */
    static String refusal(String specificationVersion, String javaHome) {
        int feature = feature(specificationVersion);
        if (feature >= REQUIRED) {
            return null;
        }
        return "Juror needs Java " + REQUIRED + " or newer, and this is Java " + specificationVersion + " (" + javaHome
                + "). Install a JDK or JRE " + REQUIRED + "+ (for example Temurin 21 or 25, or your OS package "
                + "openjdk-21-jre) and run it with that java, e.g. /path/to/jdk-21/bin/java -jar juror.jar.";
    }

    /** 8 for "1.8", 17 for "17"; 0 when unreadable (then the check refuses rather than crash later). */
    static int feature(String specificationVersion) {
        if (specificationVersion == null) {
            return 0;
        }
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }
}
