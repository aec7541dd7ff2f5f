import type { Lang } from "./index";

/** A word a language must not use for a concept: a literal, or a pattern where context decides. */
export type Variant = string | RegExp;

export interface Concept {
  /** The one term each language uses for the concept, in UI labels and lessons alike. */
  term: Record<Lang, string>;
  /** Variants each language must not use for it (another region's word, a stray English word, a synonym). */
  avoid: Partial<Record<Lang, readonly Variant[]>>;
  /** Why this term, where the choice was not obvious. */
  why?: string;
}

/**
 * A whole English word in any case, not part of an identifier such as withWatermark, startingOffsets or
 * auto.offset.reset (code names stay English in every language).
 */
const word = (w: string) => new RegExp(`(?<![\\w.])${w}(?![\\w.])`, "i");

/**
 * Kafka's proper nouns stay English in Chinese, as Chinese Kafka documentation and this lab's buttons
 * ("Producer A", "C ⋈ D Join") write them; their translations are what the Chinese text must avoid.
 */
const english = (en: string, zhTW: readonly Variant[], zhCN: readonly Variant[], why?: string): Concept => ({
  term: { en, "zh-TW": en, "zh-CN": en },
  avoid: { "zh-TW": zhTW, "zh-CN": zhCN },
  why,
});

/** Words where Taiwan and the mainland differ: each language avoids the other's (and its own older) form. */
const regional = (en: string, zhTW: string, zhCN: string, avoidTW: readonly Variant[], avoidCN: readonly Variant[]): Concept => ({
  term: { en, "zh-TW": zhTW, "zh-CN": zhCN },
  avoid: { "zh-TW": avoidTW, "zh-CN": avoidCN },
});

/** The glossary: one term per concept per language. The tests fail on any avoided variant in any text. */
export const GLOSSARY = {
  broker: english("broker", ["代理"], ["代理"]),
  producer: english("producer", ["生產者"], ["生产者"]),
  consumer: english("consumer", ["消費者"], ["消费者"]),
  consumerGroup: {
    term: { en: "consumer group", "zh-TW": "consumer group", "zh-CN": "消费组" },
    avoid: { "zh-TW": ["消費群組", "消費者群組", "消費組"], "zh-CN": [word("consumer groups?"), "消费者组", "消费群组"] },
    why: "Mainland Kafka writing says 消费组; Taiwanese keeps the English name, and 群組 alone for 'the group' after it.",
  },
  key: english("key", [/(?<!關)鍵/], [/(?<!关)键/], "as in the key column and user-1…user-K"),
  join: english("join", ["連結", "聯結"], ["连接操作"]),
  worker: english("worker", ["工作者"], ["工作者"]),
  topic: { term: { en: "topic", "zh-TW": "主題", "zh-CN": "主题" }, avoid: { "zh-TW": [word("topic")], "zh-CN": [word("topic")] } },
  partition: {
    term: { en: "partition", "zh-TW": "分區", "zh-CN": "分区" },
    avoid: { "zh-TW": ["分割區", word("partition")], "zh-CN": ["分割区", word("partition")] },
  },
  offset: {
    term: { en: "offset", "zh-TW": "偏移量", "zh-CN": "偏移量" },
    avoid: { en: [word("positions?")], "zh-TW": ["位移", word("offsets?")], "zh-CN": ["位移", word("offsets?")] },
    why: "A reader's place in a partition is its offset; English avoids 'position' so there is one word.",
  },
  record: {
    term: { en: "record", "zh-TW": "紀錄", "zh-CN": "记录" },
    avoid: { en: [word("messages?")], "zh-TW": ["記錄", /(?<!好)消息/], "zh-CN": ["纪录", /(?<!好)消息/] },
    why: "Kafka's own word; 消息 (message) is the mainland synonym, so even a header is a 記錄/记录 header.",
  },
  header: { term: { en: "header", "zh-TW": "標頭", "zh-CN": "记录头" }, avoid: { "zh-CN": ["消息头", "标头"] } },
  window: {
    term: { en: "window", "zh-TW": "視窗", "zh-CN": "窗口" },
    avoid: { "zh-TW": ["窗口", word("window")], "zh-CN": ["视窗", word("window")] },
  },
  watermark: {
    term: { en: "watermark", "zh-TW": "水位線", "zh-CN": "水位线" },
    avoid: { en: [/water[ -]mark/i], "zh-TW": [word("watermarks?")], "zh-CN": [word("watermarks?")] },
  },
  lateRecord: {
    term: { en: "late record", "zh-TW": "遲到紀錄", "zh-CN": "迟到记录" },
    avoid: {
      en: [/late (event|message)s?/i],
      "zh-TW": [/延遲(的)?(紀錄|資料)|(視為|算作|算成|計為|當作|當成)延遲|延遲與格式/, "晚到"],
      "zh-CN": [/延迟(的)?(记录|数据)|(视为|算作|计为|当作|当成)延迟|延迟与格式/, "晚到"],
    },
    why: "延遲/延迟 is a delay (the watermark delay, latency); a record that arrives after the watermark is 遲到/迟到.",
  },
  delay: { term: { en: "delay", "zh-TW": "延遲", "zh-CN": "延迟" }, avoid: { "zh-TW": ["延時"], "zh-CN": ["延时"] } },
  lag: {
    term: { en: "lag", "zh-TW": "落後量", "zh-CN": "滞后量" },
    avoid: { "zh-TW": [word("lag"), "滯後"], "zh-CN": [word("lag"), "落后量"] },
    why: "How many records a consumer group has yet to read; 落後/落后 alone stays the verb 'fall behind'.",
  },
  rebalance: {
    term: { en: "rebalance", "zh-TW": "重新平衡", "zh-CN": "重平衡" },
    avoid: { en: [/re-balanc/i], "zh-TW": [word("rebalanc\\w*"), "再平衡", "重平衡"], "zh-CN": [word("rebalanc\\w*"), "再平衡", "重新平衡"] },
  },
  aggregation: { term: { en: "aggregation", "zh-TW": "聚合", "zh-CN": "聚合" }, avoid: { "zh-TW": ["彙總", "匯總"], "zh-CN": ["汇总"] } },
  eventTime: { term: { en: "event time", "zh-TW": "事件時間", "zh-CN": "事件时间" }, avoid: {} },
  processingTime: { term: { en: "processing time", "zh-TW": "處理時間", "zh-CN": "处理时间" }, avoid: {} },
  exactlyOnce: {
    term: { en: "exactly once", "zh-TW": "恰好一次", "zh-CN": "恰好一次" },
    avoid: { "zh-TW": ["精確一次", "僅一次"], "zh-CN": ["精确一次", "仅一次"] },
  },
  atLeastOnce: { term: { en: "at least once", "zh-TW": "至少一次", "zh-CN": "至少一次" }, avoid: {} },
  atMostOnce: { term: { en: "at most once", "zh-TW": "最多一次", "zh-CN": "最多一次" }, avoid: { "zh-TW": ["至多一次"], "zh-CN": ["至多一次"] } },
  transaction: { term: { en: "transaction", "zh-TW": "交易", "zh-CN": "事务" }, avoid: { "zh-TW": ["事務"], "zh-CN": ["交易"] } },
  deadLetter: {
    term: { en: "dead letter", "zh-TW": "死信", "zh-CN": "死信" },
    avoid: { en: [word("DLQ"), /dead[- ]letter queue/i], "zh-TW": ["死信佇列"], "zh-CN": ["死信队列"] },
    why: "The lab has a dead_letters topic, not a queue.",
  },
  throughput: { term: { en: "throughput", "zh-TW": "吞吐量", "zh-CN": "吞吐量" }, avoid: { "zh-TW": ["輸送量"] } },
  latency: { term: { en: "latency", "zh-TW": "延遲", "zh-CN": "延迟" }, avoid: { "zh-TW": ["時延"], "zh-CN": ["时延"] } },
  batch: { term: { en: "batch", "zh-TW": "批次", "zh-CN": "批次" }, avoid: { "zh-CN": ["批量"] } },
  stream: { term: { en: "stream", "zh-TW": "串流", "zh-CN": "流" }, avoid: { "zh-CN": ["串流"] } },
  pipeline: { term: { en: "pipeline", "zh-TW": "管線", "zh-CN": "管道" }, avoid: { "zh-TW": ["管道"], "zh-CN": ["管线"] } },
  running: {
    term: { en: "running", "zh-TW": "執行中", "zh-CN": "运行中" },
    avoid: { "zh-TW": ["運行"], "zh-CN": ["执行"] },
    why: "Taiwan runs a program with 執行, the mainland with 运行; 執行/执行 is the same verb, so each language has one.",
  },
  stopped: { term: { en: "stopped", "zh-TW": "已停止", "zh-CN": "已停止" }, avoid: {} },
  process: { term: { en: "process", "zh-TW": "行程", "zh-CN": "进程" }, avoid: { "zh-TW": ["進程"], "zh-CN": ["行程"] } },
  data: { term: { en: "data", "zh-TW": "資料", "zh-CN": "数据" }, avoid: { "zh-TW": ["數據"], "zh-CN": ["资料"] } },
  default: {
    term: { en: "default", "zh-TW": "預設", "zh-CN": "默认" },
    avoid: { "zh-TW": ["默認", "缺省"], "zh-CN": [/预设(?!组合)/, "缺省"] },
    why: "zh-CN keeps 预设 only in 预设组合 (a preset of settings).",
  },
  settings: { term: { en: "settings", "zh-TW": "設定", "zh-CN": "设置" }, avoid: { "zh-TW": ["設置"], "zh-CN": ["设定"] } },
  connection: { term: { en: "connection", "zh-TW": "連線", "zh-CN": "连接" }, avoid: { "zh-TW": ["連接"], "zh-CN": ["连线"] } },
  server: { term: { en: "server", "zh-TW": "伺服器", "zh-CN": "服务器" }, avoid: { "zh-TW": ["服務器"], "zh-CN": ["伺服器"] } },
  network: { term: { en: "network", "zh-TW": "網路", "zh-CN": "网络" }, avoid: { "zh-TW": ["網絡"], "zh-CN": ["网路"] } },
  information: { term: { en: "information", "zh-TW": "訊息", "zh-CN": "信息" }, avoid: { "zh-TW": ["信息"], "zh-CN": ["讯息"] } },
  program: { term: { en: "program", "zh-TW": "程式", "zh-CN": "程序" }, avoid: { "zh-TW": ["程序"], "zh-CN": ["程式"] } },
  file: { term: { en: "file", "zh-TW": "檔案", "zh-CN": "文件" }, avoid: { "zh-TW": ["文件"], "zh-CN": ["档案"] } },
  segment: {
    term: { en: "segment", "zh-TW": "區段", "zh-CN": "日志段" },
    avoid: { "zh-TW": ["日誌段", "分段"], "zh-CN": ["区段", "分段"] },
    why: "A segment file of a partition's log; mainland Kafka writing says 日志段.",
  },
  retention: { term: { en: "retention", "zh-TW": "保留期限", "zh-CN": "保留期限" }, avoid: { "zh-TW": ["保存期限", "留存"], "zh-CN": ["保存期限", "留存"] } },
  compaction: {
    term: { en: "compaction", "zh-TW": "壓實", "zh-CN": "压实" },
    avoid: { "zh-TW": ["壓縮", "压实"], "zh-CN": ["压缩", "壓實"] },
    why: "Log compaction keeps the last record per key; 壓縮/压缩 is compression, another Kafka feature.",
  },
  tombstone: { term: { en: "tombstone", "zh-TW": "墓碑", "zh-CN": "墓碑" }, avoid: { "zh-TW": [word("tombstones?")], "zh-CN": [word("tombstones?")] } },
  logStartOffset: { term: { en: "log start offset", "zh-TW": "日誌起始偏移量", "zh-CN": "日志起始偏移量" }, avoid: {} },
  highWatermark: {
    term: { en: "high watermark", "zh-TW": "高水位", "zh-CN": "高水位" },
    avoid: { en: [/high[ -]water[ -]mark/i], "zh-TW": ["高水位線", "高水印"], "zh-CN": ["高水位线", "高水印"] },
    why: "The end of what every in-sync replica has: not an event-time watermark (水位線/水位线), so no 線/线.",
  },
  lastStableOffset: { term: { en: "last stable offset", "zh-TW": "最後穩定偏移量", "zh-CN": "最后稳定偏移量" }, avoid: {} },
  restart: regional("restart", "重新啟動", "重新启动", ["重啟"], ["重启"]),
  user: regional("user", "使用者", "用户", ["用戶"], ["使用者"]),
  live: regional("live", "即時", "实时", ["實時"], ["即时"]),
  cluster: regional("cluster", "叢集", "集群", ["集群"], ["丛集"]),
  disk: regional("disk", "磁碟", "磁盘", ["磁盤"], ["磁碟"]),
  byte: regional("byte", "位元組", "字节", ["字節"], ["位元组"]),
  memory: regional("memory", "記憶體", "内存", ["內存"], ["记忆体"]),
  thread: regional("thread", "執行緒", "线程", ["線程"], ["执行绪"]),
  sourceCode: regional("code", "程式碼", "代码", ["代碼"], ["程式码"]),
  screen: regional("screen", "螢幕", "屏幕", ["屏幕"], ["萤幕"]),
  create: regional("create", "建立", "创建", ["創建"], []),
  click: regional("click", "點", "点击", ["點擊"], ["点选"]),
  leader: english("leader", ["領導者", "首領"], ["领导者", "首领"], "as Chinese Kafka writing keeps the replica roles in English"),
  follower: english("follower", ["追隨者", "跟隨者"], ["追随者", "跟随者"]),
  controller: english("controller", ["控制器"], ["控制器"]),
  replica: {
    term: { en: "replica", "zh-TW": "副本", "zh-CN": "副本" },
    avoid: { "zh-TW": ["複本", word("replicas?")], "zh-CN": ["复本", word("replicas?")] },
  },
  inSyncReplica: {
    term: { en: "in-sync replica", "zh-TW": "同步副本", "zh-CN": "同步副本" },
    avoid: { "zh-TW": ["同步中副本", "已同步副本"], "zh-CN": ["同步中副本", "已同步副本"] },
    why: "ISR, the acronym, stays as Kafka writes it in every language.",
  },
} satisfies Record<string, Concept>;

export type ConceptId = keyof typeof GLOSSARY;

/** The glossary's term for a concept, for text built in code. */
export const term = (lang: Lang, id: ConceptId): string => GLOSSARY[id].term[lang];
