/**
 * Training watch engine (issue #13): reads the reward records the exported Lambda logs (JSONL,
 * CloudWatch Logs exports, FilterLogEvents pages) and the trainer's metrics by step (SageMaker /
 * Nova Forge log lines, HyperPod, OpenAI-compatible fine-tuning events, CSV / JSONL), and places
 * records on training steps. Plain Java: no SQL, no screen; {@code store} keeps what it reads and
 * {@code workspace.watch} runs the import.
 */
package dev.juror.watch;
