package dev.juror.store;

/** The texts a sample points at; an absent part is {@code ""}. */
public record SampleDocuments(String systemPrompt, String target, String reference) {
}
