package dev.juror;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void onlyWorkspaceAndSettingsOptionsOpenTheWorkbench() {
        assertThat(Main.onlyWorkbenchOptions(new String[] {"--workspace", "/tmp/w"})).isTrue();
        assertThat(Main.onlyWorkbenchOptions(new String[] {"--workspace=/tmp/w", "--settings", "s.json"})).isTrue();
    }

    @Test
    void anythingElseIsACommandLine() {
        assertThat(Main.onlyWorkbenchOptions(new String[] {"import", "f.jsonl", "--workspace", "/tmp/w"})).isFalse();
        assertThat(Main.onlyWorkbenchOptions(new String[] {"--workspace"})).isFalse();
        assertThat(Main.onlyWorkbenchOptions(new String[] {"--help"})).isFalse();
    }
}
