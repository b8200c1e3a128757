package dev.juror.export;

import dev.juror.rubric.Rubric;

/** README.md of the judge prompt bundle: what each file is, and UNVALIDATED first when it is. */
final class PromptBundleReadme {

    private PromptBundleReadme() {
    }

    static String text(Rubric rubric, String version, String modelId, boolean unvalidated) {
        StringBuilder md = new StringBuilder();
        if (unvalidated) {
            md.append("> **UNVALIDATED BUNDLE.** The judge `").append(modelId).append("` has no VALIDATED verdict for "
                    + "rubric version `").append(version).append("`. Its scores have not been shown to agree with "
                    + "human experts (see `MANIFEST.json` and `evidence/`).\n\n");
        }
        md.append("# Juror judge prompt: ").append(rubric.name()).append("\n\n");
        md.append("Rubric `").append(rubric.name()).append("` version `").append(version).append("`, judge `")
                .append(modelId).append("`.\n\n");
        md.append("""
                | file | what |
                |---|---|
                | `system-prompt.txt` | the judge's system prompt |
                | `user-message-template.txt` | the user message with placeholders; the candidate tag gets 32 fresh random hex digits per call |
                | `output-schema.json` | the JSON the judge must answer with |
                | `rubric.yaml` | the rubric |
                | `prompt-settings.json` | status, rubric version, judge model, temperature, max tokens |
                | `evidence/` | the verdict, calibration report, agreement, labels, regression suite, judge settings and content hashes |
                | `MANIFEST.json` | validated or not, and the SHA-256 and size of every other file |

                Check that nothing changed since the export with `juror bundle verify .` (exit 2 names the file).
                """);
        return md.toString();
    }
}
