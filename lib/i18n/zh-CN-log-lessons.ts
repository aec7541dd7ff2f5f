/** 日志页课程的简体中文文字；并入简体中文字典。 */
export const zhCNLogLessons = {
  "lesson.segments.title": "日志段与保留期限",
  "lesson.segments.body.1":
    "分区的日志是 broker 磁盘上一连串的日志段文件，每个以它的第一个偏移量（基准偏移量）命名。Kafka 只写入最新的那个，也就是活跃日志段；当它达到 segment.bytes 的大小或 segment.ms 的时间，就滚动到新的日志段。",
  "lesson.segments.body.2":
    "保留期限删除的是整个已关闭的日志段：当日志段里最新的记录比 retention.ms 还旧（或分区超过 retention.bytes）时。日志起始偏移量，也就是日志中仍存在的第一个偏移量，每次都会向前跳一整个日志段。读取从不删除任何东西，只有保留期限会。",
  "lesson.segments.body.3":
    "已提交偏移量落在日志起始之前的 consumer，在那里什么也找不到。auto.offset.reset 决定它怎么做：earliest 从日志起始继续读，latest 直接跳到末尾。不论哪种，中间的记录它都失去了，而且不会报错。",
  "lesson.segments.action":
    "开始演示（若尚未运行），看日志段列表滚动、日志起始偏移量向前移。等慢速读取者的偏移量落在日志起始之后，用 earliest 或 latest 让它继续读。日志起始前移、且继续读的读取者报告失去记录时，本课完成。",
  "lesson.compaction.title": "压实：每个 key 的最后一个值",
  "lesson.compaction.body.1":
    "压实的主题（cleanup.policy=compact）不按时间删除，而是至少保留每个 key 的最后一条记录：像用户信息这样的表，新的读取者从头读一遍就能重建。cleaner 复制已关闭的日志段，略过被同一 key 较新记录取代的记录；偏移量保持不变，中间留下空缺。",
  "lesson.compaction.body.2":
    "值为 null 的记录是墓碑：它删除自己的 key。cleaner 会保留它 delete.retention.ms，让落后的读取者仍能看到这次删除，之后才丢弃它，这个 key 就从日志中消失了。",
  "lesson.compaction.action":
    "开始演示，看写入多次的 key 在日志中只留下最后一条记录（加上活跃日志段里的记录）。然后删除一位用户：它的墓碑出现，大约 10–30 秒后这个 key 就消失了。cleaner 移除了某个 key 的旧版本、且你删除的 key 消失时，本课完成。",
  "lesson.transactions.title": "事务与最后稳定偏移量",
  "lesson.transactions.body.1":
    "事务的记录会立刻写进日志，在提交之前。read_committed 读取者只读到最后稳定偏移量（LSO）为止：也就是任何仍打开的事务的第一条记录之前。高水位则继续前进；read_uncommitted 读到高水位为止，包含打开中的事务。",
  "lesson.transactions.body.2":
    "事务提交或中止时，broker 会在它写过的每个分区写入一个标记；LSO 越过标记，read_committed 读取者会跳过被中止事务的记录。管道的 worker 把每条输出都写在事务里，所以它们用 read_committed 读取。",
  "lesson.transactions.body.3":
    "在事务中途被杀掉的 producer 正好会留下这样的结果：日志里有记录，然后事务被中止（被重新启动的 worker 隔离，或在 transaction.timeout.ms 后由 broker 中止）。只有 read_uncommitted 读取者曾经看到过它们。",
  "lesson.transactions.action":
    "让一个事务保持打开，看最后稳定偏移量停在高水位之下，同时 read_uncommitted 读到它的记录、read_committed 没有。然后中止它。read_committed 越过被中止的记录而没有读到它们时，本课完成。",
};
