package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Values reach SQL only as parameters of prepared statements: no {@code createStatement()}, and no
 * SQL text built by concatenating a variable into the call that prepares it.
 */
class PreparedStatementsOnlyTest {

    private static final Path STORE_SOURCES = Path.of("src/main/java/dev/juror/store");
    private static final Pattern PLAIN_STATEMENT = Pattern.compile("createStatement\\s*\\(|\\.execute(Query|Update)?\\s*\\(\\s*\"");
    /** prepareStatement( followed, before its closing, by `" +` or `+ "` joining a non-constant. */
    private static final Pattern CONCATENATED_SQL = Pattern.compile(
            "prepareStatement\\(\\s*(\"[^\"]*\"\\s*\\+\\s*[a-z]\\w*\\s*[,)]|[a-z]\\w*\\s*\\+)");

    @Test
    void theStoreUsesPreparedStatementsWithConstantSql() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(STORE_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (PLAIN_STATEMENT.matcher(source).find()) {
                    offences.add(file + ": plain Statement");
                }
                if (CONCATENATED_SQL.matcher(source).find()) {
                    offences.add(file + ": SQL concatenated with a variable");
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theScanRecognisesWhatItForbids() {
        assertThat(CONCATENATED_SQL.matcher("c.prepareStatement(\"SELECT * FROM t WHERE id = \" + id)").find()).isTrue();
        assertThat(CONCATENATED_SQL.matcher("c.prepareStatement(sql + where)").find()).isTrue();
        assertThat(PLAIN_STATEMENT.matcher("c.createStatement().execute(sql)").find()).isTrue();
        assertThat(CONCATENATED_SQL.matcher("c.prepareStatement(SELECT + \" WHERE s.id = ?\")").find()).isFalse();
    }
}
