package dev.juror.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowLayoutTest {

    @Test
    void theDefaultWindowShrinksToASmallScreen() {
        WindowLayout fitted = WindowLayout.DEFAULT.fittedTo(0, 0, 1280, 770);

        assertThat(fitted.width()).isEqualTo(1280);
        assertThat(fitted.height()).isEqualTo(770);
        assertThat(fitted.hasPosition()).isFalse();
    }

    @Test
    void aSavedPositionOnScreenIsKeptAndPulledInSoTheWholeWindowShows() {
        WindowLayout fitted = new WindowLayout(900, 100, 800, 600, false).fittedTo(0, 0, 1600, 1000);

        assertThat(fitted.x()).isEqualTo(800);
        assertThat(fitted.y()).isEqualTo(100);
        assertThat(fitted.width()).isEqualTo(800);
    }

    @Test
    void aPositionOnAMonitorThatIsGoneIsDropped() {
        WindowLayout fitted = new WindowLayout(2500, 100, 800, 600, true).fittedTo(0, 0, 1600, 1000);

        assertThat(fitted.hasPosition()).isFalse();
        assertThat(fitted.maximized()).isTrue();
    }
}
