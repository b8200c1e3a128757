package dev.juror.judge.run;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for how a judge is reached, shared by the command line, the workbench's judge screen
 * and its Settings so all of them refuse the same inputs with the same sentence:
 * <ul>
 *   <li>{@code api-key-env} is the NAME of an environment variable, never the key: a value that
 *       cannot be a variable name is refused (and not echoed, since it probably is the key);</li>
 *   <li>a base URL or endpoint never carries {@code user:password@}: Juror stores URLs with the run;</li>
 *   <li>credentials (an API key, AWS signatures and session tokens) travel over plain {@code http://}
 *       only to this machine (127.0.0.0/8, {@code localhost}, {@code ::1}), unless the user says
 *       {@code allow-insecure-http}.</li>
 * </ul>
 * Problems are {@link JudgeSetupException}s naming the setting. No name lookup is made: only
 * literal loopback addresses and {@code localhost} count as this machine.
 */
public final class JudgeConnectionCheck {

    /** A POSIX-style environment variable name. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private JudgeConnectionCheck() {
    }

    /** Checks every connection setting of {@code provider} (a canonical provider name). */
    public static void check(String provider, JudgeSettings settings) {
        settings.apiKeyEnv().ifPresent(JudgeConnectionCheck::apiKeyEnv);
        switch (provider) {
            case "openai" -> {
                if (settings.baseUrl().isPresent()) {
                    url(settings.baseUrl().get(), "base-url", settings.apiKeyEnv().isPresent(),
                            settings.allowInsecureHttp());
                }
            }
            case "bedrock" -> {
                if (settings.endpoint().isPresent()) {
                    // SigV4 requests carry the access key id and any session token in their headers.
                    url(settings.endpoint().get(), "endpoint", true, settings.allowInsecureHttp());
                }
            }
            default -> {
                // replay and heuristic connect to nothing; URLs given for them are still never stored with credentials
                settings.baseUrl().ifPresent(u -> url(u, "base-url", false, true));
                settings.endpoint().ifPresent(u -> url(u, "endpoint", false, true));
            }
        }
    }

    /** @throws JudgeSetupException (setting {@code api-key-env}) unless {@code name} can be a variable name */
    public static void apiKeyEnv(String name) {
        if (name == null || !VARIABLE_NAME.matcher(name).matches()) {
            // The value is not repeated: what does not look like a name is most likely the key itself.
            throw new JudgeSetupException("api-key-env", "takes the NAME of an environment variable (letters, digits"
                    + " and _, not starting with a digit), not the key itself; the value given was not stored:"
                    + " put the key in a variable (export JUROR_API_KEY=...) and pass --api-key-env JUROR_API_KEY");
        }
    }

    /**
     * A judge URL, checked.
     *
     * @param setting          {@code base-url} or {@code endpoint}, for the message
     * @param sendsCredentials whether requests to it carry a key or a signature
     * @param allowInsecure    whether the user accepted plain HTTP to another host
     */
    public static URI url(String text, String setting, boolean sendsCredentials, boolean allowInsecure) {
        URI uri;
        try {
            uri = new URI(text == null ? "" : text.strip());
        } catch (URISyntaxException e) {
            throw new JudgeSetupException(setting, dev.juror.judge.Secrets.redact(text) + " is not a URL: "
                    + e.getReason());
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new JudgeSetupException(setting, "holds a user name or password (user:password@host): Juror stores"
                    + " the URL with the run and never stores credentials; remove them from the URL and put an API key"
                    + " in an environment variable named by --api-key-env");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new JudgeSetupException(setting, uri + " is not a URL: expected http(s)://host[:port][/path]");
        }
        if (scheme.equals("http") && sendsCredentials && !allowInsecure && !isLoopback(uri.getHost())) {
            throw new JudgeSetupException(setting, uri + " would send credentials unencrypted over plain HTTP to "
                    + uri.getHost() + ", which is not this machine; use https://, or add --allow-insecure-http"
                    + " if that network is trusted");
        }
        return uri;
    }

    /** The problem of a base URL as a sentence for a form, or empty when it is fine (or blank). */
    public static Optional<String> baseUrlProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            url(text, "base-url", false, true);
            return Optional.empty();
        } catch (JudgeSetupException e) {
            return Optional.of("The OpenAI-compatible base URL " + e.detail() + ".");
        }
    }

    /** 127.0.0.0/8, {@code localhost} (and {@code *.localhost}), {@code ::1}: literal forms only, no lookup. */
    public static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        var v4 = IPV4.matcher(h);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return v4.group(1).equals("127") || Integer.parseInt(v4.group(1)) == 127;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.contains(":") && h.matches("[0-9a-f:.%a-z]+")) {
            try {
                // A literal IPv6 address: parsed, never looked up.
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
