package dev.juror.watch;

import dev.juror.judge.BedrockClientBuilder;
import dev.juror.judge.BedrockJudgeConfig;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * Reads a log group's events straight from CloudWatch Logs with FilterLogEvents, page by page
 * (following {@code nextToken} until there is none), so a training run's reward records come in
 * without an export. Only events that mention {@code "juror"} are asked for: the Lambda's other
 * lines (START, END, REPORT) stay on the server. Credentials as for the judge: the named profile,
 * else the default chain.
 */
public final class CloudWatchLogEvents implements AutoCloseable {

    /** Where to read: the group, from when, and how to reach it. */
    public record Source(String logGroup, Optional<Instant> since, String region, Optional<String> profile,
                         Optional<URI> endpoint) {
    }

    private static final String FILTER = "\"juror\"";

    private final CloudWatchLogsClient client;

    private CloudWatchLogEvents(CloudWatchLogsClient client) {
        this.client = client;
    }

    public static CloudWatchLogEvents connect(Source source) {
        BedrockJudgeConfig config = BedrockJudgeConfig.forRegion(source.region());
        if (source.profile().isPresent()) {
            config = config.withProfile(source.profile().get());
        }
        CloudWatchLogsClientBuilder builder = CloudWatchLogsClient.builder()
                .region(Region.of(source.region()))
                .credentialsProvider(BedrockClientBuilder.credentials(config))
                .httpClientBuilder(Apache5HttpClient.builder());
        source.endpoint().ifPresent(builder::endpointOverride);
        return new CloudWatchLogEvents(builder.build());
    }

    /**
     * Hands every event of the group (since {@code since}) to {@code sink}, oldest page first.
     *
     * @return the number of pages read
     * @throws WatchInputException when CloudWatch Logs refuses or cannot be reached (the group named)
     */
    public int forEach(Source source, Consumer<LogEvent> sink) {
        String token = null;
        int pages = 0;
        do {
            FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder()
                    .logGroupName(source.logGroup()).filterPattern(FILTER);
            source.since().ifPresent(t -> request.startTime(t.toEpochMilli()));
            if (token != null) {
                request.nextToken(token);
            }
            FilterLogEventsResponse page;
            try {
                page = client.filterLogEvents(request.build());
            } catch (SdkException e) {
                throw new WatchInputException("log group " + source.logGroup(), "FilterLogEvents failed: "
                        + e.getMessage());
            }
            pages++;
            for (FilteredLogEvent event : page.events()) {
                sink.accept(new LogEvent(event.timestamp() == null ? 0 : event.timestamp(), event.message(),
                        event.eventId()));
            }
            String next = page.nextToken();
            token = next == null || next.isEmpty() || next.equals(token) ? null : next;
        } while (token != null);
        return pages;
    }

    @Override
    public void close() {
        client.close();
    }
}
