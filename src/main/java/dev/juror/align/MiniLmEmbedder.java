package dev.juror.align;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (ONNX, 384 dimensions, about 90 MB) run in-process through LangChain4j's
 * packaging: the model and its tokenizer ship inside a jar from Maven Central, so nothing is downloaded
 * at run time. Loaded on first use (about a second); texts beyond the model's 256 word pieces are cut.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    /** Texts per call to the model: bounds memory on a large train split. */
    private static final int BATCH = 32;

    private EmbeddingModel model;

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
        if (model == null) {
            // Run in the caller's thread: the default executor starts a pool nobody shuts down.
            model = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(t -> TextSegment.from(t.isBlank() ? "(empty)" : t)).toList();
            for (Embedding e : model.embedAll(batch).content()) {
                out.add(e.vector());
            }
        }
        return out;
    }
}
