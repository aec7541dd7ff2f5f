import { firstAt, observedAt, startedAt } from "./view";
import type { Lesson } from "./types";

export const time: Lesson[] = [
  {
    id: "event-time",
    controls: ["producer-C", "producer-D", "strategy", "join"],
    target: { kind: "join" },
    text: {
      en: {
        title: "Event time versus processing time",
        body: [
          "Event time is when something happened: the ts the producer put in the record. Processing time is when a worker happens to read it. They differ by network delays, batching, a stopped consumer catching up, or a phone that was offline for an hour. The lab's producers put a few records out of order on purpose (the Disorder setting, 5 % by default): they land on the timeline behind their neighbours.",
          "Anything that groups records by time (windows, joins) should use event time, or its answer would depend on how fast the pipeline happened to run. The join view draws records on an event-time axis.",
        ],
        action: "Start producers C and D here, and the transform and the join (stop a producer first if it already runs), and watch C and D records appear on the timeline.",
      },
      "zh-TW": {
        title: "事件時間與處理時間",
        body: [
          "事件時間是事情發生的時間，也就是 producer 放進紀錄的 ts。處理時間是 worker 剛好讀到它的時間。兩者會因網路延遲、批次、停止的 consumer 追趕進度，或離線一小時的手機而不同。實驗室的 producer 會刻意讓少數紀錄亂序（「亂序」設定，預設 5 %）：它們會落在時間軸上比鄰近紀錄更早的位置。",
          "凡是依時間分組的運算（視窗、join）都應該用事件時間，否則結果會取決於管線剛好跑得多快。Join 檢視把紀錄畫在事件時間軸上。",
        ],
        action: "在這裡啟動 producer C 與 D，以及轉換與 join（如果 producer 已在執行，先停止它），觀察 C 與 D 紀錄出現在時間軸上。",
      },
      "zh-CN": {
        title: "事件时间与处理时间",
        body: [
          "事件时间是事情发生的时间，也就是 producer 放进记录的 ts。处理时间是 worker 刚好读到它的时间。两者会因网络延迟、批量、停止的 consumer 追赶进度，或脱机一小时的手机而不同。实验室的 producer 会刻意让少数记录乱序（“乱序”设置，默认 5 %）：它们会落在时间轴上比邻近记录更早的位置。",
          "凡是依时间分组的运算（窗口、join）都应该用事件时间，否则结果会取决于管道刚好跑得多快。Join 查看把记录画在事件时间轴上。",
        ],
        action: "在这里启动 producer C 与 D，以及转换与 join（如果 producer 已在运行，先停止它），观察 C 与 D 记录出现在时间轴上。",
      },
    },
    spark: `# Use the record's own ts as event time, not the time Spark reads it
events = parsed.withColumn("event_time", (col("ts") / 1000).cast("timestamp"))`,
    done: (v) => {
      const started = [startedAt(v, "producer-C"), startedAt(v, "producer-D")].filter((t): t is number => t !== null);
      if (started.length === 0) return false;
      const after = Math.min(...started);
      return observedAt(v, "join-seen", (o) => o.c > 0, after) !== null && observedAt(v, "join-seen", (o) => o.d > 0, after) !== null;
    },
  },
  {
    id: "watermark",
    controls: ["producer-C", "producer-D", "strategy", "join"],
    target: { kind: "join" },
    text: {
      en: {
        title: "Watermarks and late records",
        body: [
          "A stream never ends, so the join cannot wait forever for a record that might still come. The watermark is its promise: \"I no longer expect records older than this.\" Here it is min(latest C time, latest D time) − delay, and it only moves forward.",
          "A record whose event time is below the watermark when it arrives is late: the join drops it and counts it (it is valid, so not a dead letter). A bigger delay tolerates more disorder but keeps more state. The default delay is 15 seconds, so the line follows just behind the newest records, and the few records the producers make too old on purpose fall below it and are counted as late. With the seed tutorial's 30 minutes (the Seed tutorial preset) the line sits far off screen and nothing is ever late unless you inject it.",
        ],
        action: "Change the watermark delay in the settings (e.g. to 10 seconds) and apply: the join reads it only when it starts, so applying restarts a running join with it (start the join if it is stopped). Done when the restarted join reports a watermark.",
      },
      "zh-TW": {
        title: "Watermark 與遲到的紀錄",
        body: [
          "串流永不結束，join 不能永遠等待可能還會來的紀錄。Watermark 是它的承諾：「我不再期待比這更舊的紀錄。」這裡它等於 min(最新 C 時間, 最新 D 時間) − 延遲，而且只會往前。",
          "抵達時事件時間已低於 watermark 的紀錄就是遲到：join 會丟棄並計數（它是有效資料，所以不是死信）。延遲越大，越能容忍亂序，但要保留越多狀態。預設延遲是 15 秒，所以這條線緊跟在最新紀錄後面；producer 刻意產生的少數過舊紀錄會落在線下，被計為遲到。若用種子教學的 30 分鐘（「種子教學」預設組合），線會遠在畫面之外，除非你自己注入，否則不會有遲到紀錄。",
        ],
        action: "在設定中修改 watermark 延遲（例如 10 秒）並套用：join 只在啟動時讀取它，所以套用會以新的延遲重新啟動執行中的 join（join 停止時請先啟動）。重新啟動的 join 回報 watermark 時完成。",
      },
      "zh-CN": {
        title: "Watermark 与迟到的记录",
        body: [
          "流永不结束，join 不能永远等待可能还会来的记录。Watermark 是它的承诺：「我不再期待比这更旧的记录。」这里它等于 min(最新 C 时间, 最新 D 时间) − 延迟，而且只会往前。",
          "到达时事件时间已低于 watermark 的记录就是迟到：join 会丢弃并计数（它是有效数据，所以不是死信）。延迟越大，越能容忍乱序，但要保留越多状态。默认延迟是 15 秒，所以这条线紧跟在最新记录后面；producer 刻意生成的少数过旧记录会落在线下，被计为迟到。若用种子教程的 30 分钟（“种子教程”预设组合），线会远在画面之外，除非你自己注入，否则不会有迟到记录。",
        ],
        action: "在设置中修改 watermark 延迟（例如 10 秒）并应用：join 只在启动时读取它，所以应用会以新的延迟重新启动运行中的 join（join 停止时请先启动）。重新启动的 join 回报 watermark 时完成。",
      },
    },
    spark: `c = c_stream.withWatermark("c_time", "15 seconds")  # watermarkDelayMs (the seed: "30 minutes")
d = d_stream.withWatermark("d_time", "15 seconds")
# Spark's global watermark is the min over inputs by default, as here`,
    // The delay applies when the join (re)starts (applying restarts a running one): a watermark reported by the join running after the change.
    done: (v) => {
      const changed = firstAt(v, "settings:watermarkDelayMs");
      const running = observedAt(v, "component", (o) => o.name === "join" && o.status === "running", changed);
      return observedAt(v, "watermark", () => true, running) !== null;
    },
  },
  {
    id: "join",
    controls: ["producer-C", "producer-D", "strategy", "join"],
    target: { kind: "join" },
    text: {
      en: {
        title: "The stream-stream join: time bounds and state eviction",
        body: [
          "A C record and a D record match when their keys are equal and d_ts is within c_ts ± window (both ends inclusive). Each pair is emitted once, as soon as the second one arrives, to D_input_ready.",
          "To find pairs, the join buffers records of both sides as state. Once the watermark passes c_ts + window, no future D can match that C, so it is evicted; the same for D. That is why state stays bounded: watch the state-size chart level off (with the defaults, after about window + delay = 25 s).",
          "Click a C dot, then a D dot: the panel says whether they match, and why not (another key, outside the window by how much, or late).",
        ],
        action: "Wait for linked pairs, then click the C and the D record of a linked pair. Done when the panel says they match. The window is ±10 s by default; load the Seed tutorial preset (±5 min) to compare: every lane becomes one shaded band.",
        seed: "The seed's join reads D's number from a field some_value and writes ts as a formatted string. Here D uses value like everyone else, all times are epoch milliseconds, and both c_ts and d_ts are kept.",
      },
      "zh-TW": {
        title: "串流對串流 Join：時間界限與狀態清除",
        body: [
          "當 key 相同，且 d_ts 落在 c_ts ± 視窗內（兩端都包含）時，C 紀錄與 D 紀錄就配對成功。每一對只輸出一次，在第二筆抵達時立刻寫入 D_input_ready。",
          "為了找出配對，join 把兩邊的紀錄暫存為狀態。當 watermark 超過 c_ts + 視窗，未來不可能再有 D 與這筆 C 配對，它就會被清除；D 也一樣。所以狀態大小有上限：看看狀態大小的圖表趨於平穩（預設值下約在視窗 + 延遲 = 25 秒後）。",
          "先點一個 C 點，再點一個 D 點：面板會說明是否配對，以及沒配對的原因（key 不同、超出視窗多少、或遲到）。",
        ],
        action: "等出現連線的配對，再點同一對的 C 與 D 紀錄。面板顯示它們配對成功時完成。預設視窗是 ±10 秒；載入「種子教學」預設組合（±5 分鐘）比較看看：每一列都會變成一整條陰影。",
        seed: "原始教學的 join 從 some_value 欄位讀 D 的數值，並把 ts 寫成格式化字串。這裡 D 和其他紀錄一樣使用 value，所有時間都是 epoch 毫秒，並同時保留 c_ts 與 d_ts。",
      },
      "zh-CN": {
        title: "流对流 Join：时间界限与状态清除",
        body: [
          "当 key 相同，且 d_ts 落在 c_ts ± 窗口内（两端都包含）时，C 记录与 D 记录就配对成功。每一对只输出一次，在第二条到达时立刻写入 D_input_ready。",
          "为了找出配对，join 把两边的记录缓存为状态。当 watermark 超过 c_ts + 窗口，未来不可能再有 D 与这条 C 配对，它就会被清除；D 也一样。所以状态大小有上限：看看状态大小的图表趋于平稳（默认值下约在窗口 + 延迟 = 25 秒后）。",
          "先点一个 C 点，再点一个 D 点：面板会说明是否配对，以及没配对的原因（key 不同、超出窗口多少、或迟到）。",
        ],
        action: "等出现连接的配对，再点同一对的 C 与 D 记录。面板显示它们配对成功时完成。默认窗口是 ±10 秒；加载“种子教程”预设组合（±5 分钟）比较一下：每一行都会变成一整条阴影。",
        seed: "原始教程的 join 从 some_value 字段读 D 的数值，并把 ts 写成格式化字符串。这里 D 和其他记录一样使用 value，所有时间都是 epoch 毫秒，并同时保留 c_ts 与 d_ts。",
      },
    },
    spark: `joined = c.alias("c").join(d.alias("d"), expr("""
    c.key = d.key AND
    d.d_time BETWEEN c.c_time - INTERVAL 10 SECONDS AND c.c_time + INTERVAL 10 SECONDS"""),  # joinWindowMs (the seed: 5 MINUTES)
  "inner")
joined.writeStream.outputMode("append").format("kafka").option("topic", "D_input_ready")`,
    done: (v) => firstAt(v, "pair:match") !== null,
  },
];
