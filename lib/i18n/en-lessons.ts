/**
 * English text of the guided tutorial, keyed by lesson id and part: title, body.1…n, action and seed.
 * The lessons in lib/lessons keep only structure and completion rules.
 */
export const enLessons = {
  "lesson.broker.title": "The broker and KRaft",
  "lesson.broker.body.1":
    "A Kafka broker is a server that stores records in append-only logs and serves them to anyone who asks. Producers write to it, consumers read from it; they never talk to each other directly.",
  "lesson.broker.body.2":
    "This lab runs one real broker in KRaft mode: the broker also acts as its own controller and keeps the cluster's metadata (topics, partitions, leaders) in an internal Raft log. Older setups needed a separate ZooKeeper for that; KRaft removes it.",
  "lesson.broker.body.3":
    "The card shows what the dashboard knows about it: the bootstrap address clients connect to, the cluster id, and the topics it holds.",
  "lesson.broker.action": "Check that the broker card says Connected.",
  "lesson.broker.seed":
    "The seed starts Kafka, Kafka-UI and a Spark cluster with docker-compose in several terminals. Here `npm start` starts (or connects to) the broker for you.",
  "lesson.topic.title": "Topics, and a producer that writes to one",
  "lesson.topic.body.1":
    "A topic is a named stream of records, like a table that only grows. Every record has a key, a value and a timestamp. This pipeline uses {topicCount} topics: {topics}.",
  "lesson.topic.body.2":
    'Producer A makes one record per second by default: a random key user-1…user-8 and a value such as {"strategy":"A","value":42,"ts":…}.',
  "lesson.topic.action":
    "Press Start on Producer A in the diagram (if it is running, stop it first). The lesson completes when the producer you started has written records to A_input.",
  "lesson.topic.seed":
    "The seed's producer writes A, B and C only, so its join never sees D. Here a D producer exists and D records have the same shape as the others.",
  "lesson.partition.title": "Partitions and key hashing",
  "lesson.partition.body.1":
    "A topic is split into partitions (3 here). Each partition is its own ordered log; different partitions can be written and read in parallel by different machines.",
  "lesson.partition.body.2":
    "The producer chooses the partition by hashing the record's key (murmur2, modulo the partition count). So every record of user-3 lands in the same partition, and records of one key stay in order. Records of different keys have no order between them.",
  "lesson.partition.body.3":
    "Because the partition is the hash modulo the count, growing a topic's partitions moves most keys to another partition: a key's new records no longer follow its old ones in order, and a join that keeps a key's records together loses it. That is why Kafka users avoid growing topics that hold keyed data and choose the count up front. Here, applying a higher count restarts the whole pipeline so every process uses the new count.",
  "lesson.partition.body.4":
    "With the default 3 partitions and 8 keys: {keyMap}. Hashing is not round-robin: with 5 keys (user-1…user-5) partition 0 would get no record at all. That is why the default is 8 keys: every partition then has records, and a watermark taken over all partitions (the aggregation's) never depends on an empty one.",
  "lesson.partition.action":
    "Start producer A here (stop it first if it runs) and watch 20 new records arrive in A_input. Check that each key always shows the same partition.",
  "lesson.offset.title": "Offsets",
  "lesson.offset.body.1":
    "Inside a partition every record gets a number, its offset: 0, 1, 2, … It never changes and is never reused. The end offset is the offset the next record will get.",
  "lesson.offset.body.2":
    "A reader is just an offset in each partition: the next record it will read. Reading does not delete anything, so many readers can read the same records, each at its own offset, and a reader can go back.",
  "lesson.offset.action": "Pause the table, read a few offsets per partition, then resume.",
  "lesson.producer.title": "The producer: acks and batching",
  "lesson.producer.body.1":
    "Our producers send with acks=all: the partition's leader answers only once the record is in the log of every in-sync replica. Only then does the producer count it as sent. On this one broker each partition has one replica, the leader itself, so acks=all waits for that one log; in cluster mode (KAFKA_NODES=3) each partition has three replicas, and acks=all also waits for the in-sync followers, at least min.insync.replicas=2 of the three.",
  "lesson.producer.body.2":
    "Producers do not send one request per record: they batch records per partition and send many at once. That is how one producer reaches thousands of records per second.",
  "lesson.producer.action":
    "Change the rate to 100 records/s and the keys to 100 (so that the join keeps up: the form shows what the settings cost), and apply (start producer A if it is stopped); watch producer A's node show it writing at least 50 records/s. Then set the rate back to 1 and the keys back to 8, and apply: the lessons after this one are easiest to follow at 1 record/s. Done when both happened.",
  "lesson.consumer-group.title": "Consumers and consumer groups",
  "lesson.consumer-group.body.1":
    "A consumer reads records from partitions. Consumers that share a group id form a consumer group: the group splits the partitions among its members, so each partition is read by exactly one member at a time.",
  "lesson.consumer-group.body.2":
    "When a second instance joins the group (or one leaves or crashes), the group rebalances: reading pauses briefly and the partitions are handed out again. With 3 partitions, at most 3 members do useful work.",
  "lesson.consumer-group.action":
    "Start the strategy transform (stop it first if it runs). It joins the group lab-strategy: done when it has partitions assigned.",
  "lesson.rebalance.title": "Scaling out: a rebalance, live",
  "lesson.rebalance.body.1":
    "A consumer group shares its partitions among its members. Add a second instance of the transform and watch the assignment table: the group rebalances, and each instance now owns part of the partitions (each colour is a partition number).",
  "lesson.rebalance.body.2":
    "The transform reads four topics of 3 partitions: 12 units of work. The join keeps partition p of C_output and of D_input together, so it has only 3: a 4th join instance gets nothing and stays idle. More members than partitions never helps.",
  "lesson.rebalance.body.3": "With the producers at a high rate, compare the lag with 1 instance and with 3: it drains faster when the work is shared.",
  "lesson.rebalance.action": "Start the transform, then set it to 2 instances or more here. Done when, after your change, two instances own partitions.",
  "lesson.lag.title": "Committed offsets and lag",
  "lesson.lag.body.1":
    "A group remembers how far it got by committing offsets to Kafka: the committed offset of a partition is the next record it will process. After a restart it continues from there.",
  "lesson.lag.body.2":
    "Lag is the end offset minus the committed offset: how many records are waiting. Lag that stays small means the consumer keeps up; lag that grows means it is stopped or too slow.",
  "lesson.lag.action":
    "Stop the strategy transform for about 10 seconds while producer A runs: watch the lag of lab-strategy grow. Then start it again and watch the lag fall.",
  "lesson.transform.title": "The stateless transform",
  "lesson.transform.body.1":
    "The strategy worker reads each X_input record, computes a result from its value alone, and writes it to X_output with the same key and event time. Nothing is remembered between records: it is stateless, so any instance can process any record.",
  "lesson.transform.body.2":
    "The formula: value × 2 below 30; value × 1.5 + 10 from 30 to 60; value² ÷ 100 above 60, truncated to an integer. The chart shows its two drops: 29 → 58 but 30 → 55, and 60 → 100 but 61 → 37.",
  "lesson.transform.action": "Start the transform here (stop it first if it runs; start producer A if needed) and watch its results arrive in A_output.",
  "lesson.transform.seed":
    "The seed routes each output by the record's strategy field. Here the input topic decides where the result goes, and a record whose strategy field disagrees with its topic is a dead letter.",
  "lesson.event-time.title": "Event time versus processing time",
  "lesson.event-time.body.1":
    "Event time is when something happened: the ts the producer put in the record. Processing time is when a worker happens to read it. They differ by network delays, batching, a stopped consumer catching up, or a phone that was offline for an hour. The lab's producers put a few records out of order on purpose (the Disorder setting, 5 % by default): they land on the timeline behind their neighbours.",
  "lesson.event-time.body.2":
    "Anything that groups records by time (windows, joins) should use event time, or its answer would depend on how fast the pipeline happened to run. The join view draws records on an event-time axis.",
  "lesson.event-time.action":
    "Start producers C and D here, and the transform and the join (stop a producer first if it already runs), and watch C and D records appear on the timeline.",
  "lesson.watermark.title": "Watermarks and late records",
  "lesson.watermark.body.1":
    'A stream never ends, so the join cannot wait forever for a record that might still come. The watermark is its promise: "I no longer expect records older than this." Here it is min(latest C time, latest D time) − delay, and it only moves forward.',
  "lesson.watermark.body.2":
    "A record whose event time is below the watermark when it arrives is late: the join drops it and counts it (it is valid, so not a dead letter). A bigger delay tolerates more disorder but keeps more state. The default delay is 15 seconds, so the line follows just behind the newest records, and the few records the producers make too old on purpose fall below it and are counted as late. With the seed tutorial's 30 minutes (the Seed tutorial preset) the line sits far off screen and nothing is ever late unless you inject it.",
  "lesson.watermark.action":
    "Change the watermark delay in the settings (e.g. to 10 seconds) and apply: the join reads it only when it starts, so applying restarts a running join with it (start the join if it is stopped). Done when the restarted join reports a watermark.",
  "lesson.join.title": "The stream-stream join: time bounds and state eviction",
  "lesson.join.body.1":
    "A C record and a D record match when their keys are equal and d_ts is within c_ts ± window (both ends inclusive). Each pair is emitted once, as soon as the second one arrives, to D_input_ready.",
  "lesson.join.body.2":
    "To find pairs, the join buffers records of both sides as state. Once the watermark passes c_ts + window, no future D can match that C, so it is evicted; the same for D. That is why state stays bounded: watch the state-size chart level off (with the defaults, after about window + delay = 25 s).",
  "lesson.join.body.3": "Click a C dot, then a D dot: the panel says whether they match, and why not (another key, outside the window by how much, or late).",
  "lesson.join.action":
    "Wait for linked pairs, then click the C and the D record of a linked pair. Done when the panel says they match. The window is ±10 s by default; load the Seed tutorial preset (±5 min) to compare: every lane becomes one shaded band.",
  "lesson.join.seed":
    "The seed's join reads D's number from a field some_value and writes ts as a formatted string. Here D uses value like everyone else, all times are epoch milliseconds, and both c_ts and d_ts are kept.",
  "lesson.aggregate.title": "Windowed aggregation and output modes",
  "lesson.aggregate.body.1":
    "A streaming aggregation keeps a result table: here one row per strategy and event-time window, with the count and the average of `result`. A tumbling window (slide = size) puts each record in one window; a smaller slide makes windows overlap, and a record counts in each of them.",
  "lesson.aggregate.body.2":
    "The watermark says when a window can receive no more records: each partition's newest event time minus the delay, and for the table the smallest of those over the topic's partitions (as in Flink). Once the watermark passes a window's end, the window is final and its state can be dropped.",
  "lesson.aggregate.body.3":
    "Behind the watermark is not the same as too late. A record older than the watermark still counts while its window is open: in the table, that window's count goes up. It is dropped, and counted as late, only from windows already closed for its partition (window end ≤ that partition's newest earlier event time − the delay); with sliding windows one record can count in its newer windows and be too late for older ones.",
  "lesson.aggregate.body.4":
    "A partition with no record at all yet does not hold the watermark back (Flink calls such an input idle). A partition that has records always does, however far behind it is in reading: after a restart or a replay, reading the backlog drops nothing that reading it live would have kept.",
  "lesson.aggregate.body.5":
    "The output mode decides what each micro-batch writes. append: only windows the watermark just closed, once, with final values: nothing before the window plus the delay have passed. update: every window the batch changed, with its current values: fast, but a window appears many times. complete: the whole table, every batch: simple to read, but it grows with the state.",
  "lesson.aggregate.body.6":
    "Unlike Spark, complete mode here writes only the windows still open: once the watermark closes a window its state is dropped, in every mode. Spark's complete mode keeps every window it ever saw (the watermark drops no state there).",
  "lesson.aggregate.action":
    "Start producer A, the transform and the aggregation; watch the rows, then switch the output mode and apply. Done when the table has shown rows of two different modes.",
  "lesson.late-data.title": "Late and out-of-order records",
  "lesson.late-data.body.1":
    "Records do not always arrive in event-time order: a phone comes back online, a batch is retried. The join keeps records until the watermark passes them, so a record a few seconds old still finds its partner.",
  "lesson.late-data.body.2":
    "The watermark is the oldest event time the join still accepts: min(max C time, max D time) minus the watermark delay (15 s by default; 30 min in the Seed tutorial preset). A record older than that arrives too late: its partner may already be gone from the state, so the join drops it and counts it.",
  "lesson.late-data.action":
    "Inject a D record for user-1 at −5 s (it joins if a C record is within the window), then one at −1 min: it is dropped as late. Done when an injected record is seen joined or dropped, not just on its way. The producers' own disorder drops a few records as late too: watch the counter.",
  "lesson.dead-letters.title": "Dead letters",
  "lesson.dead-letters.body.1":
    "A record that cannot be processed (not JSON, a missing field, a value out of range, the wrong strategy, no key for the join) must not stop the pipeline, and must not vanish either. The worker writes it to dead_letters with where it came from (topic, partition, offset), the reason, and the original bytes.",
  "lesson.dead-letters.body.2": "Someone can then inspect, fix and replay it. The dead-letter count on each worker node tells you when that is needed.",
  "lesson.dead-letters.action": "Pause the dead_letters table and look at what it holds. With well-behaved producers it stays empty: that is good news.",
  "lesson.dead-letters.seed": "The seed never rejects a record: a malformed one silently turns into nulls downstream. Here it is a dead letter with a reason.",
  "lesson.bad-record.title": "Follow a bad record",
  "lesson.bad-record.body.1":
    "Send a record the transform cannot read: bytes that are not UTF-8, a value out of range, a missing event time. The worker does not crash and does not skip it silently: it writes a dead letter with the reason, the source topic, partition and offset, and the original bytes.",
  "lesson.bad-record.body.2": "Its input offset is committed with the dead letter in the same transaction, so it is handled exactly once, like a result.",
  "lesson.bad-record.action":
    "Inject a bad record and wait until the dead-letter count of its input topic goes up: it arrived. Then open dead_letters to read its reason.",
  "lesson.delivery.title": "Delivery guarantees: at most, at least, exactly once",
  "lesson.delivery.body.1":
    "A consumer that writes results does two things for each batch: it writes the outputs, and it commits the input offsets (its bookmark). A crash between the two decides the guarantee. At most once: commit first, then write; a crash in between skips inputs whose outputs were never written: they are lost. At least once: write first (and wait for acks=all), then commit; a crash in between reads those inputs again and writes their outputs twice: duplicates. Exactly once: write the outputs and commit the offsets in one Kafka transaction, and let readers read committed data only: a crash aborts both.",
  "lesson.delivery.body.2":
    "The transform normally runs exactly once. The mode buttons here restart it at most once or at least once, without a transaction (the pipeline diagram marks it). To make the gap easy to hit, this lab widens it on purpose: at most once writes its outputs only every 5 s after committing them, and at least once commits only every 5 s after writing. A real consumer's gap is milliseconds, or its auto-commit interval (5 s by default in Kafka's Java consumer): a crash lands in it less often, with the same effect.",
  "lesson.delivery.body.3":
    "Each output names its input (partition and offset, in a header), so the in = out check can tell the two failures apart: a second output for one input counts as duplicated at once; an input with no output counts as lost once nothing is in flight (stop producer A to let it settle). Going back to exactly once stops new losses and duplicates; it does not repair those already in A_output.",
  "lesson.delivery.action":
    "Start producer A and the transform. Choose at most once (or at least once), press Kill, and wait until the check reports lost (or duplicated) records; for losses, stop producer A so that it settles. Then press Back to exactly once. Done when the check reported a loss or a duplicate after a kill in a weaker mode, and the transform runs exactly once again.",
  "lesson.chaos.title": "Chaos: kill it and lose nothing",
  "lesson.chaos.body.1":
    "SIGKILL ends a process at once: no shutdown, no final commit. Whatever it was doing in its open transaction is aborted by Kafka; the supervisor restarts it with a backoff.",
  "lesson.chaos.body.2":
    "The new process continues from the offsets committed together with the last outputs. Records it had read but not committed are processed again, but their earlier outputs were never committed, so readers (read committed) see each result exactly once. The in = out check proves it: inputs = results + dead letters + waiting. (What a weaker delivery mode lost or repeated in the delivery lesson stays counted; exactly once adds nothing to it.)",
  "lesson.chaos.action":
    "With producer A and the transform running, press Kill. Watch the lag rise while nobody reads, the restart, and in = out hold. Done when the group lag measured after the kill has risen and then fallen back as the restarted transform catches up.",
  "lesson.replay.title": "Replay: an offset is only a bookmark",
  "lesson.replay.body.1":
    "Kafka keeps records after they are read, so a consumer group can go back. Rewinding a group means committing older offsets for it: to the earliest one, or to the first record at or after a point in time. Kafka allows this only while no member is reading.",
  "lesson.replay.body.2":
    "Started again, the transform reprocesses every record from there and writes the results again. The transform itself is deterministic, but writing is not idempotent: downstream now sees the same results twice, and in = out shows the duplicates. Replay is how you recover from a bug, so downstream must tolerate it (a key to deduplicate on, or an upsert).",
  "lesson.replay.action":
    "Stop the transform, wait for its group to empty, rewind it (earliest or a few minutes ago), and start it again. Done when every rewound record has been processed again.",
  "lesson.replication.title": "Replication and the ISR",
  "lesson.replication.body.1":
    "In cluster mode every topic has replication factor 3: each partition is kept on three brokers. One replica is the leader, which takes every write and read; the other two are followers that keep fetching from it, like consumers do.",
  "lesson.replication.body.2":
    "The in-sync replicas (the ISR) are the leader and the followers that have caught up with it recently (within replica.lag.time.max.ms, 10 s here). A follower that stops fetching, because its broker died or fell behind, is dropped from the ISR: the partition is then under-replicated. When it returns it copies what it missed and rejoins the ISR.",
  "lesson.replication.action":
    "Start producer A, then kill or stop one broker on the Cluster page. Watch the ISR of its partitions shrink to two and the partitions turn under-replicated. Start it again and watch its log end offset catch up. Done when a partition lost an in-sync replica after your kill or stop, and after your start every partition had all three again.",
  "lesson.leader-election.title": "Leader election",
  "lesson.leader-election.body.1":
    "When a leader's broker goes away, the controller (the leader of the KRaft quorum, marked on the page) picks a new leader from the ISR: only a replica that has every acknowledged record may lead. A graceful stop hands leaderships over at once; after a kill the controller first has to notice that the broker stopped answering heartbeats (broker.session.timeout.ms, 9 s by default).",
  "lesson.leader-election.body.2":
    "Unclean leader election would let an out-of-sync replica lead when no in-sync one is left: the partition comes back sooner, but the records it lacked are gone for good. It is off here (unclean.leader.election.enable=false, Kafka's default) because this lab promises exactly once: a partition then stays offline until an in-sync replica returns, and nothing acknowledged is lost.",
  "lesson.leader-election.action":
    "On the Cluster page, kill the broker that leads a partition (its replica is marked as leader). Watch the leader column change to another broker. Done when, after you took down a broker that led partitions, every partition had a leader and none was that broker.",
  "lesson.acks.title": "acks and min.insync.replicas",
  "lesson.acks.body.1":
    "A producer chooses how much to wait for: acks=0 does not wait at all, acks=1 waits for the leader to write, acks=all waits for every replica in the ISR. Only acks=all survives losing the leader right after the answer.",
  "lesson.acks.body.2":
    "But all of a shrunken ISR can be just the leader. The lab's topics set min.insync.replicas=2: with acks=all the leader refuses a write (NOT_ENOUGH_REPLICAS) while fewer than two replicas are in sync, so an acknowledged record is always on at least two brokers. The producer keeps retrying and carries on by itself once a broker returns; acks=1 and acks=0 keep writing, to the leader alone.",
  "lesson.acks.action":
    "With producer A running with acks=all, stop two brokers. Watch producer A's node show NOT_ENOUGH_REPLICAS while it writes nothing, then start one broker and watch it write again. Done when the producer's sends were refused for too few in-sync replicas and then succeeded again.",
  "lesson.high-watermark.title": "The high watermark",
  "lesson.high-watermark.body.1":
    "Each replica has a log end offset (LEO): the offset after its last record. The high watermark (HW) is the smallest LEO in the ISR: the records every in-sync replica has. Consumers read only below it, so a record they saw can never disappear in a leader election.",
  "lesson.high-watermark.body.2":
    "A replica out of the ISR does not hold the HW back: with a broker down the HW keeps moving with the two that remain. When the broker returns, its replica's LEO is behind; it catches up to the HW and only then rejoins the ISR. The last stable offset (LSO) is the same idea for transactions: it stops at the first open transaction.",
  "lesson.high-watermark.action":
    "With producer A running, kill or stop one broker and watch the HW keep growing while that broker's replicas show no log end offset. Start it and watch its LEO reach the HW. Done when the HW grew while a partition was under-replicated, and after your start every partition was fully in sync again.",
} as const;
