package lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The pipeline spec's strategy transform (X_input -> X_output) as a Kafka Streams application with
 * processing.guarantee=exactly_once_v2 and default settings otherwise: the peer our strategy worker is
 * measured against (bench/README.md). Arguments: bootstrap servers, topic prefix, application id, state dir.
 * Invalid records are dropped, not dead-lettered: the bench only feeds it valid ones.
 */
public final class StrategyTransform {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TS_MIN = 946684800000L;
  private static final long MAX_FUTURE_SKEW_MS = 3_600_000L;

  /** Piecewise in value, then truncated toward zero (as a SQL cast of a double to int). */
  static int result(int value) {
    double r;
    if (value < 30) r = value * 2;
    else if (value <= 60) r = value * 1.5 + 10;
    else r = (double) value * value / 100;
    return (int) r;
  }

  /** The output value for one input value, or null when the record is not valid for this strategy. */
  static String transform(String strategy, String raw) {
    if (raw == null) return null;
    try {
      JsonNode o = JSON.readTree(raw);
      if (o == null || !o.isObject()) return null;
      JsonNode s = o.get("strategy"), v = o.get("value"), ts = o.get("ts");
      if (s == null || !s.isTextual() || !s.asText().equals(strategy)) return null;
      if (v == null || !v.isIntegralNumber() || v.asLong() < -10000 || v.asLong() > 10000) return null;
      if (ts == null || !ts.isIntegralNumber() || !ts.canConvertToLong()) return null;
      long t = ts.asLong();
      if (t < TS_MIN || t > System.currentTimeMillis() + MAX_FUTURE_SKEW_MS) return null;
      return "{\"result\":" + result(v.asInt()) + ",\"ts\":" + t + "}";
    } catch (Exception e) {
      return null;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    String bootstrap = args[0], prefix = args[1], appId = args[2], stateDir = args[3];
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);

    StreamsBuilder builder = new StreamsBuilder();
    for (String strategy : List.of("A", "B", "C", "D")) {
      builder.<String, String>stream(prefix + strategy + "_input")
          .flatMapValues(v -> {
            String out = transform(strategy, v);
            return out == null ? List.<String>of() : List.of(out);
          })
          .to(prefix + strategy + "_output");
    }
    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      streams.close();
      done.countDown();
    }));
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) System.out.println("RUNNING");
      if (now == KafkaStreams.State.ERROR) done.countDown();
    });
    streams.start();
    done.await();
  }
}
