import { PIPELINE_TOPICS } from "@/lib/contract/records";
import { component, isRunning } from "@/lib/live/snapshot";
import { firstAt, observedAt, seenBetween, startedAt } from "./view";
import type { Lesson } from "./types";

const TOPIC_LIST = PIPELINE_TOPICS.join(", ");
const producerA = (v: Parameters<Lesson["done"]>[0]) => component(v.now, "producer-A");
/**
 * Where Kafka's default partitioner (murmur2 of the key, modulo 3) puts the default keys user-1…user-8
 * in a topic of 3 partitions: index = partition. Checked against the producers' partitioner in
 * server/kafka/partitioner.test.ts.
 */
export const DEFAULT_KEY_PARTITIONS: readonly (readonly string[])[] = [["user-8"], ["user-4", "user-5"], ["user-1", "user-2", "user-3", "user-6", "user-7"]];
const keyMap = (partition: string, list: string, sep: string) =>
  DEFAULT_KEY_PARTITIONS.map((keys, p) => `${partition} ${p} ← ${keys.join(list)}`).join(sep);

export const kafkaBasics: Lesson[] = [
  {
    id: "broker",
    target: { kind: "broker" },
    text: {
      en: {
        title: "The broker and KRaft",
        body: [
          "A Kafka broker is a server that stores records in append-only logs and serves them to anyone who asks. Producers write to it, consumers read from it; they never talk to each other directly.",
          "This lab runs one real broker in KRaft mode: the broker also acts as its own controller and keeps the cluster's metadata (topics, partitions, leaders) in an internal Raft log. Older setups needed a separate ZooKeeper for that; KRaft removes it.",
          "The card shows what the dashboard knows about it: the bootstrap address clients connect to, the cluster id, and the topics it holds.",
        ],
        action: "Check that the broker card says Connected.",
        seed: "The seed starts Kafka, Kafka-UI and a Spark cluster with docker-compose in several terminals. Here `npm start` starts (or connects to) the broker for you.",
      },
      "zh-TW": {
        title: "Broker 與 KRaft",
        body: [
          "Kafka broker 是一台伺服器：把紀錄存進只能附加的日誌，並提供給任何來讀取的人。Producer 寫入、Consumer 讀取，兩者從不直接溝通。",
          "本實驗室執行一個真正的 KRaft 模式 broker：broker 同時擔任自己的 controller，把叢集的中繼資料（主題、分區、leader）存在內部的 Raft 日誌中。舊的架構需要另外一個 ZooKeeper，KRaft 不再需要。",
          "右邊的卡片顯示儀表板對它的了解：客戶端連線用的 bootstrap 位址、叢集 ID，以及它保存的主題。",
        ],
        action: "確認 broker 卡片顯示「已連線」。",
        seed: "原始教學要在好幾個終端機用 docker-compose 啟動 Kafka、Kafka-UI 與 Spark 叢集。這裡 `npm start` 就會幫你啟動（或連上）broker。",
      },
      "zh-CN": {
        title: "Broker 与 KRaft",
        body: [
          "Kafka broker 是一台服务器：把记录存进只能附加的日志，并提供给任何来读取的人。Producer 写入、Consumer 读取，两者从不直接通信。",
          "本实验室运行一个真正的 KRaft 模式 broker：broker 同时担任自己的 controller，把集群的元数据（主题、分区、leader）存在内部的 Raft 日志中。旧的架构需要另外一个 ZooKeeper，KRaft 不再需要。",
          "右边的卡片显示仪表盘对它的了解：客户端连接用的 bootstrap 地址、集群 ID，以及它保存的主题。",
        ],
        action: "确认 broker 卡片显示「已连接」。",
        seed: "原始教程要在好几个终端用 docker-compose 启动 Kafka、Kafka-UI 与 Spark 集群。这里 `npm start` 就会帮你启动（或连上）broker。",
      },
    },
    spark: `# Spark reads from the same broker through its bootstrap address
df = (spark.readStream.format("kafka")
      .option("kafka.bootstrap.servers", "localhost:9092")
      .option("subscribe", "A_input")
      .load())`,
    // Broker up is this lesson's effect: the one lesson that can be done on arrival.
    done: (v) => v.now.broker?.connected === true,
  },
  {
    id: "topic",
    target: { kind: "pipeline" },
    text: {
      en: {
        title: "Topics, and a producer that writes to one",
        body: [
          `A topic is a named stream of records, like a table that only grows. Every record has a key, a value and a timestamp. This pipeline uses ${PIPELINE_TOPICS.length} topics: ${TOPIC_LIST}.`,
          "Producer A makes one record per second by default: a random key user-1…user-8 and a value such as {\"strategy\":\"A\",\"value\":42,\"ts\":…}.",
        ],
        action: "Press Start on Producer A in the diagram (if it is running, stop it first). The lesson completes when the producer you started has written records to A_input.",
        seed: "The seed's producer writes A, B and C only, so its join never sees D. Here a D producer exists and D records have the same shape as the others.",
      },
      "zh-TW": {
        title: "主題，以及寫入主題的 Producer",
        body: [
          `主題（topic）是一條有名字的紀錄串流，像一張只會增加的表。每筆紀錄都有 key、value 與時間戳記。這條管線用到 ${PIPELINE_TOPICS.length} 個主題：${TOPIC_LIST}。`,
          "Producer A 預設每秒產生一筆紀錄：隨機的 key（user-1…user-8）和像 {\"strategy\":\"A\",\"value\":42,\"ts\":…} 這樣的 value。",
        ],
        action: "在圖中按下 Producer A 的「啟動」（如果它正在執行，先停止它）。你啟動的 producer 把紀錄寫入 A_input 後，本課完成。",
        seed: "原始教學的 producer 只寫入 A、B、C，所以它的 join 永遠收不到 D。這裡有 D producer，D 紀錄的格式也和其他相同。",
      },
      "zh-CN": {
        title: "主题，以及写入主题的 Producer",
        body: [
          `主题（topic）是一条有名字的记录流，像一张只会增加的表。每条记录都有 key、value 与时间戳。这条管道用到 ${PIPELINE_TOPICS.length} 个主题：${TOPIC_LIST}。`,
          "Producer A 默认每秒产生一条记录：随机的 key（user-1…user-8）和像 {\"strategy\":\"A\",\"value\":42,\"ts\":…} 这样的 value。",
        ],
        action: "在图中按下 Producer A 的「启动」（如果它正在运行，先停止它）。你启动的 producer 把记录写入 A_input 后，本课完成。",
        seed: "原始教程的 producer 只写入 A、B、C，所以它的 join 永远收不到 D。这里有 D producer，D 记录的格式也和其他相同。",
      },
    },
    spark: `# A topic is what readStream subscribes to (and writeStream writes to)
(df.selectExpr("CAST(key AS STRING)", "CAST(value AS STRING)")
   .writeStream.format("kafka")
   .option("kafka.bootstrap.servers", "localhost:9092")
   .option("topic", "A_output")
   .option("checkpointLocation", "/tmp/ckpt/a")
   .start())`,
    // A producer process counts from 0: running with records written after the learner started it here.
    done: (v) => startedAt(v, "producer-A") !== null && isRunning(v.now, "producer-A") && (producerA(v)?.metrics?.recordsOutTotal ?? 0) > 0,
  },
  {
    id: "partition",
    controls: ["producer-A"],
    target: { kind: "topic", topic: "A_input" },
    text: {
      en: {
        title: "Partitions and key hashing",
        body: [
          "A topic is split into partitions (3 here). Each partition is its own ordered log; different partitions can be written and read in parallel by different machines.",
          "The producer chooses the partition by hashing the record's key (murmur2, modulo the partition count). So every record of user-3 lands in the same partition, and records of one key stay in order. Records of different keys have no order between them.",
          "Because the partition is the hash modulo the count, growing a topic's partitions moves most keys to another partition: a key's new records no longer follow its old ones in order, and a join that keeps a key's records together loses it. That is why Kafka users avoid growing topics that hold keyed data and choose the count up front. Here, applying a higher count restarts the whole pipeline so every process uses the new count.",
          `With the default 3 partitions and 8 keys: ${keyMap("partition", ", ", "; ")}. Hashing is not round-robin: with 5 keys (user-1…user-5) partition 0 would get no record at all. That is why the default is 8 keys: every partition then has records, and a watermark taken over all partitions (the aggregation's) never depends on an empty one.`,
        ],
        action: "Start producer A here (stop it first if it runs) and watch 20 new records arrive in A_input. Check that each key always shows the same partition.",
      },
      "zh-TW": {
        title: "分區與 key 雜湊",
        body: [
          "主題被切成多個分區（這裡是 3 個）。每個分區都是獨立、有順序的日誌；不同分區可以由不同機器平行寫入與讀取。",
          "Producer 用 key 的雜湊值（murmur2 再對分區數取餘數）來選分區。所以 user-3 的每一筆紀錄都落在同一個分區，同一個 key 的紀錄維持順序；不同 key 之間則沒有順序。",
          "因為分區是雜湊值對分區數取餘數，增加主題的分區數會讓大多數 key 移到別的分區：同一個 key 的新紀錄不再與舊紀錄保持順序，把同一個 key 放在一起的 join 也會因此錯過配對。所以 Kafka 使用者避免替存放有 key 資料的主題增加分區，而是事先決定分區數。在這裡，套用更大的分區數會重新啟動整條管線，讓每個行程都使用新的分區數。",
          `預設 3 個分區、8 個 key 時：${keyMap("分區", "、", "；")}。雜湊不是輪流分配：只用 5 個 key（user-1…user-5）時，分區 0 一筆紀錄都拿不到。所以預設是 8 個 key：每個分區都會有紀錄，取所有分區最小值的水位線（聚合用的就是這種）不會受空分區影響。`,
        ],
        action: "在這裡啟動 producer A（如果它正在執行，先停止它），觀察 A_input 收到 20 筆新紀錄，確認每個 key 永遠出現在同一個分區。",
      },
      "zh-CN": {
        title: "分区与 key 哈希",
        body: [
          "主题被切成多个分区（这里是 3 个）。每个分区都是独立、有顺序的日志；不同分区可以由不同机器并行写入与读取。",
          "Producer 用 key 的哈希值（murmur2 再对分区数取余数）来选分区。所以 user-3 的每一条记录都落在同一个分区，同一个 key 的记录维持顺序；不同 key 之间则没有顺序。",
          "因为分区是哈希值对分区数取余数，增加主题的分区数会让大多数 key 移到别的分区：同一个 key 的新记录不再与旧记录保持顺序，把同一个 key 放在一起的 join 也会因此错过配对。所以 Kafka 用户避免为存放有 key 数据的主题增加分区，而是事先决定分区数。在这里，应用更大的分区数会重新启动整条管道，让每个进程都使用新的分区数。",
          `默认 3 个分区、8 个 key 时：${keyMap("分区", "、", "；")}。哈希不是轮流分配：只用 5 个 key（user-1…user-5）时，分区 0 一条记录都拿不到。所以默认是 8 个 key：每个分区都会有记录，取所有分区最小值的水位线（聚合用的就是这种）不会受空分区影响。`,
        ],
        action: "在这里启动 producer A（如果它正在运行，先停止它），观察 A_input 收到 20 条新记录，确认每个 key 永远出现在同一个分区。",
      },
    },
    spark: `# Spark reads one task per Kafka partition; the key decides the partition on write
df.select(col("key").cast("string"), col("partition"), col("offset"))`,
    done: (v) => seenBetween(v, "A_input", startedAt(v, "producer-A")) >= 20,
  },
  {
    id: "offset",
    controls: ["producer-A"],
    target: { kind: "topic", topic: "A_input" },
    text: {
      en: {
        title: "Offsets",
        body: [
          "Inside a partition every record gets a number, its offset: 0, 1, 2, … It never changes and is never reused. The end offset is the offset the next record will get.",
          "A reader is just a position in each partition. Reading does not delete anything, so many readers can read the same records, each at its own offset, and a reader can go back.",
        ],
        action: "Pause the table, read a few offsets per partition, then resume.",
      },
      "zh-TW": {
        title: "偏移量（offset）",
        body: [
          "在同一個分區內，每筆紀錄都有一個編號，也就是 offset：0、1、2……它不會改變，也不會被重複使用。結尾 offset 就是下一筆紀錄會拿到的編號。",
          "讀取者只是每個分區裡的一個位置。讀取不會刪除任何東西，所以許多讀取者可以各自在自己的 offset 讀同一批紀錄，也可以倒回去重讀。",
        ],
        action: "暫停表格，看看各分區的幾個 offset，然後按「繼續」。",
      },
      "zh-CN": {
        title: "Offset（位移）",
        body: [
          "在同一个分区内，每条记录都有一个编号，也就是 offset：0、1、2……它不会改变，也不会被重复使用。结尾 offset 就是下一条记录会拿到的编号。",
          "读取者只是每个分区里的一个位置。读取不会删除任何东西，所以许多读取者可以各自在自己的 offset 读同一批记录，也可以倒回去重读。",
        ],
        action: "暂停表格，看看各分区的几个 offset，然后按「继续」。",
      },
    },
    spark: `# Where a new query starts: "earliest", "latest", or exact offsets per partition
spark.readStream.format("kafka") \\
  .option("subscribe", "A_input") \\
  .option("startingOffsets", """{"A_input":{"0":42,"1":-2,"2":-1}}""")`,
    // Paused here while the table showed records (they may have arrived before the lesson opened), then resumed.
    done: (v) => v.actions.some((a) => a.name === "pause-tail-rows:A_input" && firstAt(v, "resume-tail:A_input", a.at) !== null),
  },
  {
    id: "producer",
    target: { kind: "settings" },
    text: {
      en: {
        title: "The producer: acks and batching",
        body: [
          "Our producers send with acks=all: the broker answers only once the record is safely in the partition's log (on every in-sync replica). Only then does the producer count it as sent.",
          "Producers do not send one request per record: they batch records per partition and send many at once. That is how one producer reaches thousands of records per second.",
        ],
        action: `Change the rate to 100 records/s and the keys to 100 (so that the join keeps up: the form shows what the settings cost), and apply (start producer A if it is stopped); watch producer A's node show it writing at least 50 records/s. Then set the rate back to 1 and the keys back to 8, and apply: the lessons after this one are easiest to follow at 1 record/s. Done when both happened.`,
      },
      "zh-TW": {
        title: "Producer：acks 與批次",
        body: [
          "我們的 producer 使用 acks=all：只有在紀錄安全寫入分區日誌（所有同步副本）之後，broker 才會回應，producer 才算送出成功。",
          "Producer 不會每筆紀錄送一次請求：它按分區把紀錄打包成批次一次送出，所以一個 producer 每秒可以送出上千筆。",
        ],
        action: "把速率改成每秒 100 筆、key 數改成 100（讓 join 跟得上：表單會顯示這些設定的成本），然後套用（producer A 停止時請先啟動）；看 producer A 節點顯示每秒至少寫入 50 筆。接著把速率改回 1、key 數改回 8 並套用：之後的課程在每秒 1 筆時最容易看懂。兩件事都做到時完成。",
      },
      "zh-CN": {
        title: "Producer：acks 与批量",
        body: [
          "我们的 producer 使用 acks=all：只有在记录安全写入分区日志（所有同步副本）之后，broker 才会回应，producer 才算发送成功。",
          "Producer 不会每条记录送一次请求：它按分区把记录打包成批量一次发送，所以一个 producer 每秒可以发送上千条。",
        ],
        action: "把速率改成每秒 100 条、key 数改成 100（让 join 跟得上：表单会显示这些设置的成本），然后应用（producer A 停止时请先启动）；看 producer A 节点显示每秒至少写入 50 条。接着把速率改回 1、key 数改回 8 并应用：之后的课程在每秒 1 条时最容易看懂。两件事都做到时完成。",
      },
    },
    spark: `# Spark's Kafka sink is a producer; its settings pass through with the "kafka." prefix
query = (out.writeStream.format("kafka")
         .option("kafka.acks", "all")
         .option("kafka.linger.ms", "5")
         .option("topic", "A_output").start())`,
    // The rate raised here and producer A seen writing ≥ 50/s, then the rate set back (≤ 10/s) so the
    // join lessons that follow stay readable, and the join is not asked for ~25,000 pairs/s.
    done: (v) => {
      const fast = observedAt(v, "rate", (o) => o.name === "producer-A" && o.perSec >= 50, firstAt(v, "settings:ratePerSecond"));
      return fast !== null && firstAt(v, "settings:ratePerSecond", fast) !== null && (v.now.pipeline?.settings.ratePerSecond ?? Infinity) <= 10;
    },
  },
];
