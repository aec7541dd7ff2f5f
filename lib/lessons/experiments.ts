import { lagEpisode } from "@/lib/live/lag";
import { isRunning } from "@/lib/live/snapshot";
import type { Lesson } from "./types";
import { firstAt, observedAt } from "./view";

/** Lessons that each run an experiment: the learner presses its button and watches. */
export const experiments: Lesson[] = [
  {
    id: "rebalance",
    target: { kind: "experiment", experiment: "scale" },
    text: {
      en: {
        title: "Scaling out: a rebalance, live",
        body: [
          "A consumer group shares its partitions among its members. Add a second instance of the transform and watch the assignment table: the group rebalances, and each instance now owns part of the partitions (each colour is a partition number).",
          "The transform reads four topics of 3 partitions: 12 units of work. The join keeps partition p of C_output and of D_input together, so it has only 3: a 4th join instance gets nothing and stays idle. More members than partitions never helps.",
          "With the producers at a high rate, compare the lag with 1 instance and with 3: it drains faster when the work is shared.",
        ],
        action: "Start the transform, then set it to 2 instances or more here. Done when, after your change, two instances own partitions.",
      },
      "zh-TW": {
        title: "水平擴充：即時看到重新平衡",
        body: [
          "Consumer group 把分區分給它的成員。替轉換加上第二個實例，觀察分配表：群組重新平衡，每個實例現在只負責部分分區（每種顏色代表一個分區編號）。",
          "轉換讀取四個各有 3 個分區的主題：共 12 份工作。Join 必須把 C_output 與 D_input 的同一個分區 p 放在一起，所以只有 3 份：第 4 個 join 實例分不到任何分區，只能閒置。成員比分區多永遠沒有幫助。",
          "把 producer 的速率調高，比較 1 個實例與 3 個實例時的落後量：工作分攤後消化得更快。",
        ],
        action: "啟動轉換，再在這裡把實例數設為 2 以上。你改變後，兩個實例都分到分區時完成。",
      },
      "zh-CN": {
        title: "水平扩展：实时看到重平衡",
        body: [
          "Consumer group 把分区分给它的成员。替转换加上第二个实例，观察分配表：消费组重平衡，每个实例现在只负责部分分区（每种颜色代表一个分区编号）。",
          "转换读取四个各有 3 个分区的主题：共 12 份工作。Join 必须把 C_output 与 D_input 的同一个分区 p 放在一起，所以只有 3 份：第 4 个 join 实例分不到任何分区，只能空闲。成员比分区多永远没有帮助。",
          "把 producer 的速率调高，比较 1 个实例与 3 个实例时的滞后量：工作分摊后消化得更快。",
        ],
        action: "启动转换，再在这里把实例数设为 2 以上。你改变后，两个实例都分到分区时完成。",
      },
    },
    spark: `# Spark scales by tasks, not group members: one task per Kafka partition (or more)
spark.readStream.format("kafka") \\
  .option("subscribe", "A_input,B_input,C_input,D_input") \\
  .option("minPartitions", "12")   # split the work further than the topic partitions`,
    done: (v) => {
      const scaled = firstAt(v, ["scale:strategy", "scale:join"]);
      return observedAt(v, "component", (o) => (o.name === "strategy" || o.name === "join") && o.owners >= 2, scaled) !== null;
    },
  },
  {
    id: "chaos",
    target: { kind: "experiment", experiment: "chaos" },
    text: {
      en: {
        title: "Chaos: kill it and lose nothing",
        body: [
          "SIGKILL ends a process at once: no shutdown, no final commit. Whatever it was doing in its open transaction is aborted by Kafka; the supervisor restarts it with a backoff.",
          "The new process continues from the offsets committed together with the last outputs. Records it had read but not committed are processed again, but their earlier outputs were never committed, so readers (read committed) see each result exactly once. The in = out check proves it: inputs = results + dead letters + waiting. (What a weaker delivery mode lost or repeated in the delivery lesson stays counted; exactly once adds nothing to it.)",
        ],
        action: "With producer A and the transform running, press Kill. Watch the lag rise while nobody reads, the restart, and in = out hold. Done when the group lag measured after the kill has risen and then fallen back as the restarted transform catches up.",
      },
      "zh-TW": {
        title: "混沌實驗：砍掉它，什麼都不會遺失",
        body: [
          "SIGKILL 會立刻結束行程：沒有關閉流程，也沒有最後一次提交。它進行中的交易會被 Kafka 中止；supervisor 會以退避時間重新啟動它。",
          "新的行程從與最後一批輸出一起提交的 offset 繼續。讀過但還沒提交的紀錄會再處理一次，但它們先前的輸出從未提交，所以 read committed 的讀取者對每個結果只會看到一次。「輸入 = 輸出」檢查證明了這點：輸入 = 結果 + 死信 + 等待中。（在傳遞保證課程中以較弱模式遺失或重複的紀錄仍會計入；恰好一次不會再增加。）",
        ],
        action: "在 producer A 與轉換都執行時按下「砍掉」。觀察沒有人讀取時落後量上升、重新啟動，以及輸入 = 輸出仍然成立。砍掉後量到的群組落後量先上升、再隨著重新啟動的轉換追上而降回來時完成。",
      },
      "zh-CN": {
        title: "混沌实验：杀掉它，什么都不会丢失",
        body: [
          "SIGKILL 会立刻结束进程：没有关闭流程，也没有最后一次提交。它进行中的交易会被 Kafka 中止；supervisor 会以退避时间重新启动它。",
          "新的进程从与最后一批输出一起提交的 offset 继续。读过但还没提交的记录会再处理一次，但它们先前的输出从未提交，所以 read committed 的读取者对每个结果只会看到一次。「输入 = 输出」检查证明了这点：输入 = 结果 + 死信 + 等待中。（在传递保证课程中以较弱模式丢失或重复的记录仍会计入；恰好一次不会再增加。）",
        ],
        action: "在 producer A 与转换都运行时按下「杀掉」。观察没有人读取时滞后量上升、重新启动，以及输入 = 输出仍然成立。杀掉后测到的消费组滞后量先上升、再随着重新启动的转换追上而降回来时完成。",
      },
    },
    spark: `# Spark restarts a killed query from its checkpoint, but its Kafka sink is at-least-once:
# a batch cut short by the kill is written again, so A_output can hold duplicates.
# End-to-end exactly-once needs an idempotent sink (foreachBatch + upsert on a key),
# or readers that deduplicate; Spark has no transactional Kafka writer like these workers.
q = (out.writeStream.format("kafka")
     .option("checkpointLocation", "/tmp/ckpt/strategy")   # a killed query restarts from here
     .option("topic", "A_output").start())`,
    // Killed here; the group lag the server measures rose above its level at the kill, then fell back; running now.
    done: (v) => {
      const killed = firstAt(v, "kill:strategy");
      if (killed === null) return false;
      const points = v.observations.flatMap((o) => (o.kind === "group-lag" && o.name === "strategy" ? [{ at: o.at, lag: o.lag }] : []));
      const e = lagEpisode(points, killed);
      return e.rose && e.fell && isRunning(v.now, "strategy");
    },
  },
  {
    id: "late-data",
    target: { kind: "experiment", experiment: "late" },
    text: {
      en: {
        title: "Late and out-of-order records",
        body: [
          "Records do not always arrive in event-time order: a phone comes back online, a batch is retried. The join keeps records until the watermark passes them, so a record a few seconds old still finds its partner.",
          "The watermark is the oldest event time the join still accepts: min(max C time, max D time) minus the watermark delay (15 s by default; 30 min in the Seed tutorial preset). A record older than that arrives too late: its partner may already be gone from the state, so the join drops it and counts it.",
        ],
        action: "Inject a D record for user-1 at −5 s (it joins if a C record is within the window), then one at −1 min: it is dropped as late. Done when an injected record is seen joined or dropped, not just on its way. The producers' own disorder drops a few records as late too: watch the counter.",
      },
      "zh-TW": {
        title: "延遲與亂序紀錄",
        body: [
          "紀錄不一定依事件時間順序抵達：手機重新上線、批次重送都會造成亂序。Join 會保留紀錄直到 watermark 越過它們，所以晚了幾秒的紀錄仍然找得到配對。",
          "Watermark 是 join 仍接受的最早事件時間：min(C 的最大時間, D 的最大時間) 減去 watermark 延遲（預設 15 秒；「種子教學」預設組合是 30 分鐘）。比它更早的紀錄就是遲到：它的配對可能已經從狀態中移除，所以 join 會丟棄並計數。",
        ],
        action: "為 user-1 注入一筆 −5 秒的 D 紀錄（視窗內有 C 紀錄就會配對），再注入一筆 −1 分鐘的：它會因遲到被丟棄。看到注入的紀錄已配對或被丟棄（不只是傳送中）時完成。producer 自己產生的亂序也會讓少數紀錄因遲到被丟棄：看看計數器。",
      },
      "zh-CN": {
        title: "延迟与乱序记录",
        body: [
          "记录不一定依事件时间顺序到达：手机重新上线、批量重送都会造成乱序。Join 会保留记录直到 watermark 越过它们，所以晚了几秒的记录仍然找得到配对。",
          "Watermark 是 join 仍接受的最早事件时间：min(C 的最大时间, D 的最大时间) 减去 watermark 延迟（默认 15 秒；“种子教程”预设组合是 30 分钟）。比它更早的记录就是迟到：它的配对可能已经从状态中移除，所以 join 会丢弃并计数。",
        ],
        action: "为 user-1 注入一条 −5 秒的 D 记录（窗口内有 C 记录就会配对），再注入一条 −1 分钟的：它会因迟到被丢弃。看到注入的记录已配对或被丢弃（不只是传送中）时完成。producer 自己生成的乱序也会让少数记录因迟到被丢弃：看看计数器。",
      },
    },
    spark: `c = c.withWatermark("ts", "15 seconds")
d = d.withWatermark("ts", "15 seconds")
joined = c.join(d, expr("c.key = d.key AND d.ts BETWEEN c.ts - INTERVAL 10 SECONDS AND c.ts + INTERVAL 10 SECONDS"))`,
    done: (v) => firstAt(v, ["late-fate:late", "late-fate:joined"]) !== null,
  },
  {
    id: "bad-record",
    target: { kind: "experiment", experiment: "bad" },
    text: {
      en: {
        title: "Follow a bad record",
        body: [
          "Send a record the transform cannot read: bytes that are not UTF-8, a value out of range, a missing event time. The worker does not crash and does not skip it silently: it writes a dead letter with the reason, the source topic, partition and offset, and the original bytes.",
          "Its input offset is committed with the dead letter in the same transaction, so it is handled exactly once, like a result.",
        ],
        action: "Inject a bad record and wait until the dead-letter count of its input topic goes up: it arrived. Then open dead_letters to read its reason.",
      },
      "zh-TW": {
        title: "追蹤一筆壞紀錄",
        body: [
          "送出一筆轉換讀不懂的紀錄：不是 UTF-8 的位元組、超出範圍的數值、缺少事件時間。Worker 不會崩潰，也不會默默跳過：它會寫入一筆死信，附上原因、來源主題、分區、offset 與原始位元組。",
          "它的輸入 offset 會與死信在同一個交易中提交，所以它和一般結果一樣只會被處理一次。",
        ],
        action: "注入一筆壞紀錄，等它的輸入主題的死信數增加：它到了。再開啟 dead_letters 看它的原因。",
      },
      "zh-CN": {
        title: "追踪一条坏记录",
        body: [
          "发送一条转换读不懂的记录：不是 UTF-8 的字节、超出范围的数值、缺少事件时间。Worker 不会崩溃，也不会默默跳过：它会写入一条死信，附上原因、来源主题、分区、offset 与原始字节。",
          "它的输入 offset 会与死信在同一个交易中提交，所以它和一般结果一样只会被处理一次。",
        ],
        action: "注入一条坏记录，等它的输入主题的死信数增加：它到了。再打开 dead_letters 看它的原因。",
      },
    },
    spark: `parsed = raw.select(from_json(col("value").cast("string"), schema).alias("v"), "*")
parsed.where(col("v").isNull()).selectExpr("key", "value") \\
  .writeStream.format("kafka").option("topic", "dead_letters").start()`,
    done: (v) => firstAt(v, "bad-arrived", firstAt(v, "inject-bad") ?? Infinity) !== null,
  },
  {
    id: "replay",
    target: { kind: "experiment", experiment: "replay" },
    text: {
      en: {
        title: "Replay: offsets are just positions",
        body: [
          "Kafka keeps records after they are read, so a consumer group can go back. Rewinding a group means committing older offsets for it: to the earliest one, or to the first record at or after a point in time. Kafka allows this only while no member is reading.",
          "Started again, the transform reprocesses every record from there and writes the results again. The transform itself is deterministic, but writing is not idempotent: downstream now sees the same results twice, and in = out shows the duplicates. Replay is how you recover from a bug, so downstream must tolerate it (a key to deduplicate on, or an upsert).",
        ],
        action: "Stop the transform, wait for its group to empty, rewind it (earliest or a few minutes ago), and start it again. Done when every rewound record has been processed again.",
      },
      "zh-TW": {
        title: "重播：offset 只是位置",
        body: [
          "Kafka 在紀錄被讀取後仍會保留它們，所以 consumer group 可以回頭。倒回群組就是替它提交較早的 offset：最早的那個，或某個時間點之後的第一筆紀錄。只有在沒有成員讀取時 Kafka 才允許這麼做。",
          "再次啟動後，轉換會從那裡重新處理每一筆紀錄，並再次寫出結果。轉換本身是確定性的，但寫入不是冪等的：下游現在會看到同樣的結果兩次，輸入 = 輸出檢查會顯示重複。重播是修正錯誤後復原的方法，所以下游必須能容忍它（用 key 去重，或用 upsert）。",
        ],
        action: "停止轉換，等它的群組清空，倒回群組（最早或幾分鐘前），再啟動它。每一筆倒回的紀錄都重新處理後完成。",
      },
      "zh-CN": {
        title: "重放：offset 只是位置",
        body: [
          "Kafka 在记录被读取后仍会保留它们，所以 consumer group 可以回头。倒回消费组就是替它提交较早的 offset：最早的那个，或某个时间点之后的第一条记录。只有在没有成员读取时 Kafka 才允许这么做。",
          "再次启动后，转换会从那里重新处理每一条记录，并再次写出结果。转换本身是确定性的，但写入不是幂等的：下游现在会看到同样的结果两次，输入 = 输出检查会显示重复。重放是修正错误后复原的方法，所以下游必须能容忍它（用 key 去重，或用 upsert）。",
        ],
        action: "停止转换，等它的消费组清空，倒回消费组（最早或几分钟前），再启动它。每一条倒回的记录都重新处理后完成。",
      },
    },
    spark: `# Spark: a new checkpoint location plus startingOffsets replays a topic
spark.readStream.format("kafka").option("subscribe", "A_input") \\
  .option("startingOffsets", "earliest")            # or startingTimestamp=<epoch ms>
  .load()`,
    done: (v) => firstAt(v, "replay-rewritten:strategy", firstAt(v, "replay:strategy") ?? Infinity) !== null,
  },
];
