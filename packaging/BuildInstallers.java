import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the native installers of this OS that this machine has the tools for, with jpackage, and
 * says in one line each which types it skipped and why. Run by the Maven profile {@code package}
 * (pom.xml) with the JDK's own {@code java} in source-launch mode, so it needs no compiling and no
 * dependencies:
 *
 * <pre>
 * java packaging/BuildInstallers.java --os linux --types deb,rpm --jpackage JDK/bin/jpackage
 *      [--packaging packaging] [--first-type-only false] [--strict false] [--dry-run]
 *      -- JPACKAGE-ARGUMENTS
 * </pre>
 *
 * For each type it runs {@code jpackage @packaging/jpackage.args @packaging/OS/jpackage.args
 * @packaging/OS/TYPE.args --type TYPE JPACKAGE-ARGUMENTS}. jpackage itself stops the whole build
 * with "Invalid or unsupported type" when one type's tools are missing; checking the tools first
 * lets the other types still be built.
 *
 * Exit status: 0 when at least one installer was built (or, with --dry-run, would be); 1 when none
 * could be, when --strict is true and a type was skipped, or when a jpackage that ran failed;
 * 2 for arguments it does not understand. Every failure ends with one sentence on stderr.
 */
public final class BuildInstallers {

    private static final String PREFIX = "installers: ";

    public static void main(String[] args) {
        int status;
        try {
            status = new BuildInstallers(Options.parse(args), System.getenv()).run();
        } catch (BadArguments e) {
            System.err.println(PREFIX + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    private final Options options;
    private final ToolFinder tools;

    private BuildInstallers(Options options, Map<String, String> environment) {
        this.options = options;
        this.tools = new ToolFinder(environment);
    }

    private int run() {
        Plan plan = plan();
        Optional<String> refusal = plan.refusal(options.strict());
        if (refusal.isPresent()) {
            System.err.println(PREFIX + refusal.get());
            return 1;
        }
        for (Type type : plan.buildable()) {
            List<String> command = jpackageCommand(type);
            if (options.dryRun()) {
                System.out.println(PREFIX + "would run: " + shellWords(command));
                continue;
            }
            System.out.println(PREFIX + "building " + type.id + ": " + shellWords(command));
            int status = execute(command);
            if (status != 0) {
                System.err.println(PREFIX + "jpackage --type " + type.id + " failed with exit status " + status
                        + " (its output is above); no further installer was built.");
                return 1;
            }
            for (Path built : builtFiles(type)) {
                System.out.println(PREFIX + type.id + " built: " + built);
            }
        }
        System.out.println(PREFIX + (options.dryRun() ? "would build " : "built ")
                + String.join(", ", ids(plan.buildable()))
                + (plan.skipped().isEmpty() ? "" : "; skipped " + String.join(", ", ids(plan.skippedTypes()))
                        + " (reasons above)"));
        return 0;
    }

    /** Splits installer.types into the types to build and the skipped ones, printing a line for each skip. */
    private Plan plan() {
        List<Type> types = options.types();
        List<Type> buildable = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            Type type = types.get(i);
            Optional<Skip> skip = options.firstTypeOnly() && i > 0
                    ? Optional.of(new Skip(type, "-Dinstaller.second.skip=true builds the first type of"
                            + " installer.types only (" + types.get(0).id + ")", false))
                    : type.missingTools(tools).map(reason -> new Skip(type, reason, true));
            skip.ifPresentOrElse(skipped::add, () -> buildable.add(type));
            skip.ifPresent(s -> System.out.println(PREFIX + type.id + " skipped: " + s.reason()));
        }
        return new Plan(buildable, skipped);
    }

    record Plan(List<Type> buildable, List<Skip> skipped) {

        List<Type> skippedTypes() {
            return skipped.stream().map(Skip::type).toList();
        }

        /** The sentence that stops the build before any jpackage runs, if any. */
        Optional<String> refusal(boolean strict) {
            List<Type> lackingTools = skipped.stream().filter(Skip::toolsMissing).map(Skip::type).toList();
            if (buildable.isEmpty()) {
                return Optional.of("no installer could be built on this machine ("
                        + lackingTools.stream().map(t -> t.id + " needs " + t.tools).collect(Collectors.joining("; "))
                        + "): install " + lackingTools.stream().map(t -> t.install).collect(Collectors.joining(" or "))
                        + ", then run the build again.");
            }
            if (strict && !skipped.isEmpty()) {
                return Optional.of("installer.strict is true and " + String.join(", ", ids(skippedTypes()))
                        + " could not be built: " + (lackingTools.isEmpty() ? "" : "install " + lackingTools.stream()
                                .map(t -> t.install).collect(Collectors.joining(" and ")) + ", or ")
                        + "build without -Dinstaller.strict=true.");
            }
            return Optional.empty();
        }
    }

    /** A type of installer.types that is not built, and whether missing tools are the reason. */
    record Skip(Type type, String reason, boolean toolsMissing) {
    }

    private List<String> jpackageCommand(Type type) {
        List<String> command = new ArrayList<>();
        command.add(options.jpackage());
        command.add("@" + options.packaging() + "/jpackage.args");
        command.add("@" + options.packaging() + "/" + options.os() + "/jpackage.args");
        command.add("@" + options.packaging() + "/" + options.os() + "/" + type.id + ".args");
        command.add("--type");
        command.add(type.id);
        command.addAll(options.jpackageArguments());
        return command;
    }

    private static int execute(List<String> command) {
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println(PREFIX + "could not start " + command.get(0) + ": " + e.getMessage());
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** The files of this type in jpackage's --dest folder, to name what was built. */
    private List<Path> builtFiles(Type type) {
        List<String> arguments = options.jpackageArguments();
        int dest = arguments.lastIndexOf("--dest");
        if (dest < 0 || dest + 1 >= arguments.size()) {
            return List.of();
        }
        Path folder = Path.of(arguments.get(dest + 1));
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder, "*." + type.id)) {
            listing.forEach(files::add);
        } catch (IOException e) {
            return List.of();
        }
        Path here = Path.of("").toAbsolutePath();
        return files.stream().map(Path::toAbsolutePath)
                .map(file -> file.startsWith(here) ? here.relativize(file) : file).sorted().toList();
    }

    private static List<String> ids(Collection<Type> types) {
        return types.stream().map(type -> type.id).toList();
    }

    private static String shellWords(List<String> words) {
        return words.stream().map(word -> word.isEmpty() || word.matches(".*[\\s\"'$].*")
                ? "'" + word.replace("'", "'\\''") + "'" : word).collect(Collectors.joining(" "));
    }

    /** The installer types jpackage builds, the OS each is built on and the tools each needs. */
    enum Type {
        DEB("deb", "linux", "dpkg-deb, dpkg and fakeroot", "the packages `dpkg` and `fakeroot`"),
        RPM("rpm", "linux", "rpmbuild", "the package `rpm` (`rpm-build` on Fedora and RHEL)"),
        MSI("msi", "windows", "WiX Toolset (candle and light of WiX 3, or wix of WiX 4/5)",
                "WiX Toolset 3.14, or WiX 4/5 with `dotnet tool install --global wix`"),
        DMG("dmg", "macos", "hdiutil", "macOS's own hdiutil (build the .dmg on macOS)");

        final String id;
        final String os;
        /** The tools jpackage runs for this type, for the sentence when nothing could be built. */
        final String tools;
        /** What to install to get them. */
        final String install;

        Type(String id, String os, String tools, String install) {
            this.id = id;
            this.os = os;
            this.tools = tools;
            this.install = install;
        }

        /** Why this machine cannot build this type, or empty when it can. */
        Optional<String> missingTools(ToolFinder tools) {
            return switch (this) {
                case DEB -> {
                    // jpackage checks all three before it builds a .deb (fakeroot dpkg-deb --build).
                    List<String> missing = Stream.of("dpkg-deb", "dpkg", "fakeroot")
                            .filter(tool -> !tools.onPath(tool)).toList();
                    if (missing.isEmpty()) {
                        yield Optional.empty();
                    }
                    Set<String> packages = new LinkedHashSet<>();
                    missing.forEach(tool -> packages.add(tool.startsWith("dpkg") ? "dpkg" : tool));
                    yield Optional.of(and(missing) + " not found on PATH; install the package"
                            + (packages.size() > 1 ? "s " : " ")
                            + and(packages.stream().map(p -> "`" + p + "`").toList()) + " to build it");
                }
                case RPM -> tools.onPath("rpmbuild") ? Optional.empty()
                        : Optional.of("rpmbuild not found on PATH; install the package `rpm` to build it"
                                + " (`rpm-build` on Fedora and RHEL)");
                case MSI -> {
                    // Where jpackage looks for WiX: the PATH, then the WiX 3 install folders, then
                    // the .NET global tools folder of WiX 4 and 5.
                    List<Path> extra = tools.wixFolders();
                    boolean wix3 = tools.onPathOr("candle", extra) && tools.onPathOr("light", extra);
                    boolean wix4 = tools.onPathOr("wix", extra);
                    yield wix3 || wix4 ? Optional.empty()
                            : Optional.of("WiX Toolset not found (neither candle and light of WiX 3 nor wix of"
                                    + " WiX 4/5 on PATH or in Program Files); install WiX Toolset 3.14, or"
                                    + " WiX 4/5 with `dotnet tool install --global wix`, to build it");
                }
                case DMG -> tools.onPathOr("hdiutil", List.of(Path.of("/usr/bin"))) ? Optional.empty()
                        : Optional.of("hdiutil not found on PATH or in /usr/bin; it is part of macOS,"
                                + " so build the .dmg on macOS");
            };
        }

        static Optional<Type> of(String id) {
            return Stream.of(values()).filter(type -> type.id.equals(id)).findFirst();
        }

        static List<String> idsOf(String os) {
            return Stream.of(values()).filter(type -> type.os.equals(os)).map(type -> type.id).toList();
        }

        private static String and(List<String> words) {
            return words.size() == 1 ? words.get(0)
                    : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
        }
    }

    /** Finds programs the way a shell would: in the folders of PATH, with PATHEXT on Windows. */
    static final class ToolFinder {
        private final Map<String, String> environment;
        private final List<Path> path;
        private final List<String> suffixes;

        ToolFinder(Map<String, String> environment) {
            this.environment = environment;
            this.path = folders(environment.getOrDefault("PATH", environment.getOrDefault("Path", "")));
            boolean windows = System.getProperty("os.name", "").startsWith("Windows");
            this.suffixes = windows
                    ? Stream.concat(Stream.of(""), Stream.of(environment.getOrDefault("PATHEXT", ".EXE;.CMD;.BAT")
                            .split(";")).filter(s -> !s.isBlank()).map(s -> s.toLowerCase(Locale.ROOT))).toList()
                    : List.of("");
        }

        boolean onPath(String tool) {
            return onPathOr(tool, List.of());
        }

        boolean onPathOr(String tool, List<Path> extraFolders) {
            return Stream.concat(path.stream(), extraFolders.stream())
                    .anyMatch(folder -> suffixes.stream().map(suffix -> folder.resolve(tool + suffix))
                            .anyMatch(file -> Files.isRegularFile(file) && Files.isExecutable(file)));
        }

        /** WiX 3 installs into "Program Files (x86)\WiX Toolset v3.x\bin"; WiX 4/5 is a .NET global tool. */
        List<Path> wixFolders() {
            List<Path> folders = new ArrayList<>();
            for (String variable : List.of("ProgramFiles(x86)", "ProgramFiles")) {
                String root = environment.get(variable);
                if (root == null || root.isBlank()) {
                    continue;
                }
                try (DirectoryStream<Path> wix = Files.newDirectoryStream(Path.of(root), "WiX Toolset v*")) {
                    wix.forEach(folder -> folders.add(folder.resolve("bin")));
                } catch (IOException | RuntimeException e) {
                    // No such folder: WiX is not installed there.
                }
            }
            String home = environment.get("USERPROFILE");
            if (home != null && !home.isBlank()) {
                folders.add(Path.of(home, ".dotnet", "tools"));
            }
            return folders;
        }

        private static List<Path> folders(String searchPath) {
            List<Path> folders = new ArrayList<>();
            for (String folder : searchPath.split(File.pathSeparator)) {
                if (!folder.isBlank()) {
                    try {
                        folders.add(Path.of(folder));
                    } catch (RuntimeException e) {
                        // A PATH entry that is no valid path cannot hold a tool.
                    }
                }
            }
            return folders;
        }
    }

    record Options(String os, List<Type> types, String jpackage, String packaging, boolean firstTypeOnly,
            boolean strict, boolean dryRun, List<String> jpackageArguments) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean dryRun = false;
            List<String> passThrough = List.of();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--")) {
                    passThrough = List.of(args).subList(i + 1, args.length);
                    break;
                } else if (arg.equals("--dry-run")) {
                    dryRun = true;
                } else if (List.of("--os", "--types", "--jpackage", "--packaging", "--first-type-only", "--strict")
                        .contains(arg)) {
                    if (i + 1 >= args.length) {
                        throw new BadArguments(arg + " needs a value.");
                    }
                    values.put(arg, args[++i]);
                } else {
                    throw new BadArguments("unknown argument `" + arg + "`; the options are --os, --types,"
                            + " --jpackage, --packaging, --first-type-only, --strict, --dry-run, then -- and"
                            + " the arguments for jpackage.");
                }
            }
            String os = required(values, "--os");
            if (Type.idsOf(os).isEmpty()) {
                throw new BadArguments("installer.os is `" + os + "`: jpackage builds installers on Linux, macOS"
                        + " and Windows only (the profiles installer-linux, installer-macos, installer-windows),"
                        + " and this is " + System.getProperty("os.name") + ".");
            }
            String packaging = values.getOrDefault("--packaging", "packaging");
            List<Type> types = types(required(values, "--types"), os, packaging);
            return new Options(os, types, required(values, "--jpackage"), packaging,
                    flag(values, "--first-type-only", "installer.second.skip"),
                    flag(values, "--strict", "installer.strict"), dryRun, passThrough);
        }

        private static List<Type> types(String list, String os, String packaging) {
            Set<Type> types = new LinkedHashSet<>();
            for (String word : list.split(",")) {
                String id = word.strip().toLowerCase(Locale.ROOT);
                if (id.isEmpty()) {
                    continue;
                }
                Type type = Type.of(id).filter(t -> t.os.equals(os)).orElseThrow(() -> new BadArguments(
                        "installer.types names `" + id + "`, which jpackage does not build on " + os
                                + "; the types of " + os + " are " + String.join(", ", Type.idsOf(os)) + "."));
                Path argsFile = Path.of(packaging, os, id + ".args");
                if (!Files.isRegularFile(argsFile)) {
                    throw new BadArguments(argsFile + " is missing: the " + id + " installer takes its"
                            + " jpackage options from it.");
                }
                types.add(type);
            }
            if (types.isEmpty()) {
                throw new BadArguments("installer.types is empty; name at least one of "
                        + String.join(", ", Type.idsOf(os)) + ".");
            }
            return List.copyOf(types);
        }

        private static String required(Map<String, String> values, String option) {
            String value = values.get(option);
            if (value == null || value.isBlank()) {
                throw new BadArguments(option + " is required.");
            }
            return value.strip();
        }

        private static boolean flag(Map<String, String> values, String option, String property) {
            String value = values.getOrDefault(option, "false").strip().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "true", "" -> true;
                case "false" -> false;
                default -> throw new BadArguments(property + " is `" + value + "`; it takes true or false.");
            };
        }
    }

    static final class BadArguments extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadArguments(String message) {
            super(message);
        }
    }
}
