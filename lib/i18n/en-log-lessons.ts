/** English text of the log page's lessons; merged into the English dictionary. */
export const enLogLessons = {
  "lesson.segments.title": "Segments and retention",
  "lesson.segments.body.1":
    "A partition's log is a series of segment files on the broker's disk, each named by its first offset (its base offset). Kafka writes only to the newest, the active segment; it rolls to a new one when the active segment is segment.bytes big or segment.ms old.",
  "lesson.segments.body.2":
    "Retention deletes whole closed segments: once a segment's newest record is older than retention.ms (or the partition is over retention.bytes). The log start offset, the first offset still in the log, jumps forward by a segment each time. Reading never deletes anything; only retention does.",
  "lesson.segments.body.3":
    "A consumer whose committed offset fell before the log start finds nothing there. auto.offset.reset decides what it does: earliest reads on from the log start, latest jumps to the end. Either way the records between are lost to it, without an error.",
  "lesson.segments.action":
    "Start the demo (if it is not running) and watch the segment list roll and the log start offset move forward. Once the slow reader's offset is behind the log start, resume it with earliest or latest. Done when the log start moved and the resumed reader reported records lost.",
  "lesson.compaction.title": "Compaction: the last value per key",
  "lesson.compaction.body.1":
    "A compacted topic (cleanup.policy=compact) keeps at least the last record of every key instead of deleting by age: a table, such as user profiles, that a new reader rebuilds by reading from the start. The log cleaner copies the closed segments without the records a later one of the same key replaced; offsets stay as they were, with gaps.",
  "lesson.compaction.body.2":
    "A record with a null value is a tombstone: it deletes its key. The cleaner keeps it for delete.retention.ms, so that a reader that is behind still sees the delete, then drops it and the key is gone from the log.",
  "lesson.compaction.action":
    "Start the demo and watch keys written many times keep only their last record in the log (plus what the active segment holds). Then delete a user: its tombstone shows, and some 10–30 s later the key is gone. Done when the cleaner removed older versions of a key and the key you deleted is gone.",
  "lesson.transactions.title": "Transactions and the last stable offset",
  "lesson.transactions.body.1":
    "A transaction's records go into the log at once, before it commits. A read_committed reader reads only up to the last stable offset (LSO): below the first record of any transaction still open. The high watermark goes on; read_uncommitted reads up to it, open transactions included.",
  "lesson.transactions.body.2":
    "When a transaction commits or aborts, the broker writes a marker in each partition it touched; the LSO moves past it, and read_committed readers skip the records of an aborted transaction. The pipeline's workers write every output in a transaction, which is why they read read_committed.",
  "lesson.transactions.body.3":
    "A producer killed mid-transaction leaves exactly this: records in the log, then the transaction aborted (fenced by the restarted worker, or by the broker after transaction.timeout.ms). Only read_uncommitted readers ever saw them.",
  "lesson.transactions.action":
    "Hold a transaction open and watch the last stable offset stop below the high watermark while read_uncommitted reads its records and read_committed does not. Then abort it. Done when read_committed went past the aborted records without reading them.",
};
