import { AGG_OUTPUT_MODES } from "@/lib/contract/api";
import type { Lesson } from "./types";
import { actionsLike, firstAt, type LessonView } from "./view";

/** Output modes whose rows the live table showed since the lesson opened (noted as `agg-rows:<mode>`). */
export const aggModesSeen = (v: LessonView) => AGG_OUTPUT_MODES.filter((m) => actionsLike(v, "agg-rows:").includes(m));

/** Windowed aggregation: count and average per event-time window, and what each output mode emits. */
export const aggregate: Lesson = {
  id: "aggregate",
  target: { kind: "aggregate" },
  text: {
    en: {
      title: "Windowed aggregation and output modes",
      body: [
        "A streaming aggregation keeps a result table: here one row per strategy and event-time window, with the count and the average of `result`. A tumbling window (slide = size) puts each record in one window; a smaller slide makes windows overlap, and a record counts in each of them.",
        "The watermark says when a window can receive no more records: each partition's newest event time minus the delay, and for the table the smallest of those over the topic's partitions (as in Flink). Once the watermark passes a window's end, the window is final and its state can be dropped.",
        "Behind the watermark is not the same as too late. A record older than the watermark still counts while its window is open: in the table, that window's count goes up. It is dropped, and counted as late, only from windows already closed for its partition (window end ≤ that partition's newest earlier event time − the delay); with sliding windows one record can count in its newer windows and be too late for older ones.",
        "A partition with no record at all yet does not hold the watermark back (Flink calls such an input idle). A partition that has records always does, however far behind it is in reading: after a restart or a replay, reading the backlog drops nothing that reading it live would have kept.",
        "The output mode decides what each micro-batch writes. append: only windows the watermark just closed, once, with final values: nothing before the window plus the delay have passed. update: every window the batch changed, with its current values: fast, but a window appears many times. complete: the whole table, every batch: simple to read, but it grows with the state.",
        "Unlike Spark, complete mode here writes only the windows still open: once the watermark closes a window its state is dropped, in every mode. Spark's complete mode keeps every window it ever saw (the watermark drops no state there).",
      ],
      action: "Start producer A, the transform and the aggregation; watch the rows, then switch the output mode and apply. Done when the table has shown rows of two different modes.",
    },
    "zh-TW": {
      title: "視窗聚合與輸出模式",
      body: [
        "串流聚合維護一張結果表：這裡是每個策略、每個事件時間視窗一列，內含 `result` 的筆數與平均值。滾動視窗（滑動間隔 = 視窗大小）讓每筆紀錄只屬於一個視窗；較小的滑動間隔會讓視窗重疊，一筆紀錄會計入每個包含它的視窗。",
        "水位線表示一個視窗何時不會再收到紀錄：每個分區是它看過的最新事件時間減去延遲，整張表則取主題各分區中最小的那個（和 Flink 一樣）。水位線越過視窗的結束時間後，視窗就是最終結果，它的狀態可以丟掉。",
        "比水位線更舊，不等於太遲。比水位線更舊的紀錄，只要它的視窗還沒關閉就仍然計入：表格裡那個視窗的筆數會增加。只有對它所在分區已經關閉的視窗（視窗結束 ≤ 該分區先前的最新事件時間 − 延遲），它才會被丟棄並算成遲到；在滑動視窗中，一筆紀錄可能計入較新的視窗，對較舊的視窗卻已太遲。",
        "還沒有任何紀錄的分區不會拖住水位線（Flink 稱這種輸入為 idle）。已經有紀錄的分區一定會拖住它，不論讀取進度落後多少：重新啟動或重播之後讀取積壓的紀錄，不會丟掉即時讀取時會保留的任何紀錄。",
        "輸出模式決定每個微批次寫出什麼。append：只寫剛被水位線關閉的視窗，只寫一次，而且是最終值：在視窗結束加上延遲之前什麼都看不到。update：寫出這批改變過的每個視窗與目前的值：很快，但同一個視窗會出現很多次。complete：每批都寫出整張表：容易閱讀，但會隨著狀態變大。",
        "和 Spark 不同：這裡的 complete 模式只寫出仍開啟的視窗；水位線關閉視窗後，不論哪種模式，它的狀態都會被丟掉。Spark 的 complete 模式會保留看過的每個視窗（水位線不會丟掉它的狀態）。",
      ],
      action: "啟動 producer A、轉換與聚合；觀察送出的列，再切換輸出模式並套用。當表格顯示過兩種不同模式的列時完成。",
    },
    "zh-CN": {
      title: "窗口聚合与输出模式",
      body: [
        "流式聚合维护一张结果表：这里是每个策略、每个事件时间窗口一行，包含 `result` 的条数与平均值。滚动窗口（滑动步长 = 窗口大小）让每条记录只属于一个窗口；较小的滑动步长会让窗口重叠，一条记录会计入每个包含它的窗口。",
        "水位线表示一个窗口何时不会再收到记录：每个分区是它看到的最新事件时间减去延迟，整张表则取主题各分区中最小的那个（和 Flink 一样）。水位线越过窗口的结束时间后，窗口就是最终结果，它的状态可以丢弃。",
        "比水位线更旧，不等于太迟。比水位线更旧的记录，只要它的窗口还没关闭就仍然计入：表格里那个窗口的条数会增加。只有对它所在分区已经关闭的窗口（窗口结束 ≤ 该分区之前的最新事件时间 − 延迟），它才会被丢弃并算作迟到；在滑动窗口中，一条记录可能计入较新的窗口，对较旧的窗口却已太迟。",
        "还没有任何记录的分区不会拖住水位线（Flink 称这种输入为 idle）。已经有记录的分区一定会拖住它，不论读取进度落后多少：重启或重放之后读取积压的记录，不会丢掉实时读取时会保留的任何记录。",
        "输出模式决定每个微批次写出什么。append：只写刚被水位线关闭的窗口，只写一次，而且是最终值：在窗口结束加上延迟之前什么都看不到。update：写出这批改变过的每个窗口及当前值：很快，但同一个窗口会出现很多次。complete：每批都写出整张表：容易阅读，但会随着状态变大。",
        "和 Spark 不同：这里的 complete 模式只写出仍打开的窗口；水位线关闭窗口后，不论哪种模式，它的状态都会被丢弃。Spark 的 complete 模式会保留看到的每个窗口（水位线不会丢弃它的状态）。",
      ],
      action: "启动 producer A、转换和聚合；观察发出的行，再切换输出模式并应用。当表格显示过两种不同模式的行时完成。",
    },
  },
  spark: `from pyspark.sql.functions import window, count, avg, col

agg = (results                                   # A_output … D_output, parsed: strategy, result, ts
  .withColumn("event_time", (col("ts") / 1000).cast("timestamp"))
  .withWatermark("event_time", "5 seconds")      # aggWatermarkDelayMs (Spark: max over partitions; here the min, as Flink)
  .groupBy(window("event_time", "10 seconds", "10 seconds"), col("strategy"))  # size, slide
  .agg(count("*").alias("count"), avg("result").alias("avg")))

q = (agg.selectExpr("strategy AS key", "to_json(struct(*)) AS value")
  .writeStream.format("kafka").option("topic", "aggregates")
  .outputMode("update")                          # or "append" / "complete"
  .option("checkpointLocation", "/tmp/ckpt/aggregate").start())`,
  // Rows of two modes seen here, after the learner switched the mode here.
  done: (v) => firstAt(v, "settings:aggOutputMode") !== null && aggModesSeen(v).length >= 2,
};
