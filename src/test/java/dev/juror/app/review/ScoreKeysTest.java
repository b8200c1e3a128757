package dev.juror.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.rubric.Scale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreKeysTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # scale,  digit, level ('' = refused)
            1-5,      1,     1
            1-5,      5,     5
            1-5,      0,     ''
            1-5,      6,     ''
            0-3,      0,     0
            boolean,  1,     pass
            boolean,  0,     fail
            boolean,  2,     ''
            """)
    void digitsPickLevelsOfTheScale(String scale, int digit, String level) {
        Scale parsed = scale.equals("boolean") ? new Scale.BooleanScale()
                : new Scale.IntegerScale(Integer.parseInt(scale.split("-")[0]), Integer.parseInt(scale.split("-")[1]));
        assertThat(ScoreKeys.levelFor(parsed, digit).orElse("")).isEqualTo(level);
    }
}
