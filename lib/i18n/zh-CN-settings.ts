import type { enSettings } from "./en-settings";

/** 设置中乱序与预设组合的简体中文字符串。 */
export const zhCNSettings: Record<keyof typeof enSettings, string> = {
  "settings.disorderPercent": "乱序（事件时间较早的记录百分比）",
  "settings.disorderHint":
    "其中 80 % 早了 {onFrom} … {onTo}：只是乱序，仍在 join 的水位线之上，所以照样能配对。20 % 早了 {lateFrom} … {lateTo}：超过水位线延迟，join 会把它们当作迟到记录丢弃。",
  "settings.presets": "预设组合",
  "settings.preset.learn": "学习",
  "settings.preset.seed": "种子教程",
  "settings.preset.loadTest": "负载测试",
  "settings.presetNote.learn":
    "实验室的默认值：join 窗口 ±{window}、水位线延迟 {delay}、乱序 {disorder} %，按下开始后一分钟内就能看到窗口范围、水位线、状态清除与迟到记录。",
  "settings.presetNote.seed":
    "种子教程的设置：窗口 ±{window}、水位线延迟 {delay}、每秒 {rate} 条、{keys} 个 key，每条记录都标上生成时的时间。有什么不同：水位线远在 join 视图左侧之外，大约 {evict}（窗口 + 延迟）内不会清除任何状态，除非你自己注入，否则不会有迟到记录。",
  "settings.presetNote.loadTest":
    "负载测试：每个 producer 每秒 {rate} 条、{keys} 个 key、窗口 ±{window}、没有乱序。请观察每秒条数、滞后量与状态大小，而不是单条记录。",
  "settings.presetFilled": "已填入表单：按“应用”才会生效。",
};
