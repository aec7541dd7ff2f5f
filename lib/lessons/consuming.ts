import { isRunning } from "@/lib/live/snapshot";
import { firstAt, observedAt, seenBetween, startedAt, stoppedAt } from "./view";
import type { Lesson } from "./types";

export const consuming: Lesson[] = [
  {
    id: "consumer-group",
    target: { kind: "experiment", experiment: "scale" },
    text: {
      en: {
        title: "Consumers and consumer groups",
        body: [
          "A consumer reads records from partitions. Consumers that share a group id form a consumer group: the group splits the partitions among its members, so each partition is read by exactly one member at a time.",
          "When a second instance joins the group (or one leaves or crashes), the group rebalances: reading pauses briefly and the partitions are handed out again. With 3 partitions, at most 3 members do useful work.",
        ],
        action: "Start the strategy transform (stop it first if it runs). It joins the group lab-strategy: done when it has partitions assigned.",
      },
      "zh-TW": {
        title: "Consumer 與 consumer group",
        body: [
          "Consumer 從分區讀取紀錄。使用同一個 group id 的 consumer 組成一個 consumer group：群組把分區分給成員，同一時間每個分區只由一個成員讀取。",
          "當第二個實例加入群組（或有人離開、崩潰），群組會重新平衡（rebalance）：讀取短暫暫停，分區重新分配。有 3 個分區時，最多只有 3 個成員有事可做。",
        ],
        action: "啟動策略轉換（如果它正在執行，先停止它）。它會加入 lab-strategy 群組：分配到分區時完成。",
      },
      "zh-CN": {
        title: "Consumer 与 consumer group",
        body: [
          "Consumer 从分区读取记录。使用同一个 group id 的 consumer 组成一个 consumer group：消费组把分区分给成员，同一时间每个分区只由一个成员读取。",
          "当第二个实例加入消费组（或有人离开、崩溃），消费组会重平衡（rebalance）：读取短暂暂停，分区重新分配。有 3 个分区时，最多只有 3 个成员有事可做。",
        ],
        action: "启动策略转换（如果它正在运行，先停止它）。它会加入 lab-strategy 消费组：分配到分区时完成。",
      },
    },
    spark: `# Spark manages its own consumers; a group id prefix can be set for ACLs and monitoring
spark.readStream.format("kafka") \\
  .option("subscribe", "A_input,B_input,C_input,D_input") \\
  .option("groupIdPrefix", "lab-strategy")`,
    done: (v) => observedAt(v, "component", (o) => o.name === "strategy" && o.status === "running" && o.owners > 0, startedAt(v, "strategy")) !== null,
  },
  {
    id: "lag",
    controls: ["producer-A", "strategy"],
    target: { kind: "topic", topic: "A_input" },
    text: {
      en: {
        title: "Committed offsets and lag",
        body: [
          "A group remembers how far it got by committing offsets to Kafka: the committed offset of a partition is the next record it will process. After a restart it continues from there.",
          "Lag is the end offset minus the committed offset: how many records are waiting. Lag that stays small means the consumer keeps up; lag that grows means it is stopped or too slow.",
        ],
        action: "Stop the strategy transform for about 10 seconds while producer A runs: watch the lag of lab-strategy grow. Then start it again and watch the lag fall.",
      },
      "zh-TW": {
        title: "已提交的 offset 與落後量（lag）",
        body: [
          "群組透過把 offset 提交（commit）到 Kafka 來記住自己讀到哪裡：某分區的已提交 offset 就是下一筆要處理的紀錄。重新啟動後會從那裡繼續。",
          "落後量是結尾 offset 減去已提交 offset，也就是還在等待的紀錄數。落後量一直很小代表跟得上；持續變大代表 consumer 停了或太慢。",
        ],
        action: "在 producer A 執行時停止策略轉換約 10 秒，看 lab-strategy 的落後量上升；再啟動它，看落後量下降。",
      },
      "zh-CN": {
        title: "已提交的 offset 与滞后量（lag）",
        body: [
          "消费组通过把 offset 提交（commit）到 Kafka 来记住自己读到哪里：某分区的已提交 offset 就是下一条要处理的记录。重新启动后会从那里继续。",
          "滞后量是结尾 offset 减去已提交 offset，也就是还在等待的记录数。滞后量一直很小代表跟得上；持续变大代表 consumer 停了或太慢。",
        ],
        action: "在 producer A 运行时停止策略转换约 10 秒，看 lab-strategy 的滞后量上升；再启动它，看滞后量下降。",
      },
    },
    spark: `# Spark keeps its offsets in the checkpoint, not in the group; progress shows the lag
q = df.writeStream.option("checkpointLocation", "/tmp/ckpt/strategy").start()
print(q.lastProgress["sources"][0]["endOffset"])`,
    // Stopped here, lag seen to rise, started again, lag seen to fall below its peak.
    done: (v) => {
      const rose = observedAt(v, "lag", (o) => o.topic === "A_input" && o.lag >= 5, stoppedAt(v, "strategy"));
      const started = rose === null ? null : startedAt(v, "strategy", rose);
      const peak = Math.max(0, ...v.observations.map((o) => (o.kind === "lag" && o.topic === "A_input" ? o.lag : 0)));
      return observedAt(v, "lag", (o) => o.topic === "A_input" && o.lag < peak, started) !== null && isRunning(v.now, "strategy");
    },
  },
  {
    id: "transform",
    controls: ["producer-A", "strategy"],
    target: { kind: "transform" },
    text: {
      en: {
        title: "The stateless transform",
        body: [
          "The strategy worker reads each X_input record, computes a result from its value alone, and writes it to X_output with the same key and event time. Nothing is remembered between records: it is stateless, so any instance can process any record.",
          "The formula: value × 2 below 30; value × 1.5 + 10 from 30 to 60; value² ÷ 100 above 60, truncated to an integer. The chart shows its two drops: 29 → 58 but 30 → 55, and 60 → 100 but 61 → 37.",
        ],
        action: "Start the transform here (stop it first if it runs; start producer A if needed) and watch its results arrive in A_output.",
        seed: "The seed routes each output by the record's strategy field. Here the input topic decides where the result goes, and a record whose strategy field disagrees with its topic is a dead letter.",
      },
      "zh-TW": {
        title: "無狀態轉換",
        body: [
          "策略 worker 讀取每筆 X_input 紀錄，只根據它的 value 算出結果，以相同的 key 與事件時間寫入 X_output。紀錄之間不記任何東西，這就是無狀態，所以任何實例都能處理任何紀錄。",
          "公式：小於 30 乘以 2；30 到 60 乘以 1.5 再加 10；大於 60 取平方除以 100，再截斷成整數。圖中可以看到兩個落差：29 → 58 但 30 → 55；60 → 100 但 61 → 37。",
        ],
        action: "在這裡啟動轉換（如果它正在執行，先停止它；必要時啟動 producer A），觀察它的結果寫進 A_output。",
        seed: "原始教學依紀錄的 strategy 欄位決定輸出主題。這裡由輸入主題決定結果寫到哪裡；strategy 欄位與主題不一致的紀錄會成為死信。",
      },
      "zh-CN": {
        title: "无状态转换",
        body: [
          "策略 worker 读取每条 X_input 记录，只根据它的 value 算出结果，以相同的 key 与事件时间写入 X_output。记录之间不记任何东西，这就是无状态，所以任何实例都能处理任何记录。",
          "公式：小于 30 乘以 2；30 到 60 乘以 1.5 再加 10；大于 60 取平方除以 100，再截断成整数。图中可以看到两个落差：29 → 58 但 30 → 55；60 → 100 但 61 → 37。",
        ],
        action: "在这里启动转换（如果它正在运行，先停止它；必要时启动 producer A），观察它的结果写进 A_output。",
        seed: "原始教程依记录的 strategy 字段决定输出主题。这里由输入主题决定结果写到哪里；strategy 字段与主题不一致的记录会成为死信。",
      },
    },
    spark: `result = (when(col("value") < 30, col("value") * 2)
          .when(col("value") <= 60, col("value") * 1.5 + 10)
          .otherwise(col("value") * col("value") / 100)).cast("int")
out = parsed.select(col("key"), to_json(struct(result.alias("result"), col("ts"))).alias("value"))`,
    done: (v) => seenBetween(v, "A_output", startedAt(v, "strategy")) > 0,
  },
  {
    id: "dead-letters",
    target: { kind: "topic", topic: "dead_letters" },
    text: {
      en: {
        title: "Dead letters",
        body: [
          "A record that cannot be processed (not JSON, a missing field, a value out of range, the wrong strategy, no key for the join) must not stop the pipeline, and must not vanish either. The worker writes it to dead_letters with where it came from (topic, partition, offset), the reason, and the original bytes.",
          "Someone can then inspect, fix and replay it. The dead-letter count on each worker node tells you when that is needed.",
        ],
        action: "Pause the dead_letters table and look at what it holds. With well-behaved producers it stays empty: that is good news.",
        seed: "The seed never rejects a record: a malformed one silently turns into nulls downstream. Here it is a dead letter with a reason.",
      },
      "zh-TW": {
        title: "死信（dead letters）",
        body: [
          "無法處理的紀錄（不是 JSON、缺欄位、數值超出範圍、strategy 不符、join 時沒有 key）不能讓管線停下，也不能就此消失。Worker 會把它寫進 dead_letters，附上來源（主題、分區、offset）、原因與原始位元組。",
          "之後就能檢查、修正再重送。每個 worker 節點上的死信數會告訴你何時需要處理。",
        ],
        action: "暫停 dead_letters 表格，看看裡面有什麼。Producer 正常時它會是空的，這是好消息。",
        seed: "原始教學從不拒絕紀錄：格式錯誤的紀錄會在下游默默變成 null。這裡它會成為附有原因的死信。",
      },
      "zh-CN": {
        title: "死信（dead letters）",
        body: [
          "无法处理的记录（不是 JSON、缺字段、数值超出范围、strategy 不符、join 时没有 key）不能让管道停下，也不能就此消失。Worker 会把它写进 dead_letters，附上来源（主题、分区、offset）、原因与原始字节。",
          "之后就能检查、修正再重送。每个 worker 节点上的死信数会告诉你何时需要处理。",
        ],
        action: "暂停 dead_letters 表格，看看里面有什么。Producer 正常时它会是空的，这是好消息。",
        seed: "原始教程从不拒绝记录：格式错误的记录会在下游默默变成 null。这里它会成为附有原因的死信。",
      },
    },
    spark: `parsed = raw.select(from_json(col("value").cast("string"), schema).alias("v"), "*")
bad = parsed.where(col("v").isNull())      # Spark would pass these on as nulls
bad.selectExpr("key", "value").writeStream.format("kafka").option("topic", "dead_letters")`,
    done: (v) => firstAt(v, "pause-tail:dead_letters") !== null,
  },
];
