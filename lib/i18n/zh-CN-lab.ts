import type { enLab } from "./en-lab";

/** 应用设置（重新启动、成本）、worker 落后多久与重置实验室的简体中文字符串。 */
export const zhCNLab: Record<keyof typeof enLab, string> = {
  "settings.applyRestarts":
    "应用会重新启动 {components}：它只在启动时读取 {settings}。它会先正常停止（最后一笔事务会提交），再以新数值启动，并从已提交的偏移量重建状态，所以输出不会丢失，也不会重复写入。",
  "settings.restarting": "正在重新启动 {components}…",
  "settings.restartedWorker": "已重新启动 {component}：现在以新的 {settings} 运行。",
  "settings.cost": "另外 join 的状态约保存 {rows} 条记录（≈ {mb} MB），在这台机器的 {cores} 核上每核每秒约 {perCore} 条。",
  "settings.stateHigh": "这样的 join 状态超过一台机器在 broker 之外放得下的量。",
  "settings.overCapacity": "一台机器跟不上这些设置：join 会落后好几分钟。请修改设置，或勾选“负载测试”仍然应用。",
  "join.restarting": "正以 ±{window}、延迟 {delay} 重新启动…",
  "agg.runningWith": "正以 {size} 窗口、滑动 {slide}、延迟 {delay}、{mode} 模式运行",
  "agg.restartingWith": "正以 {size} 窗口、滑动 {slide}、延迟 {delay}、{mode} 模式重新启动…",
  "live.behind": "{worker} 落后 {time}（还有 {records} 条待读取）",
  "live.stalled": "{worker} 没有在读取，却有 {records} 条在等待",
  "live.keepingUp": "{worker} 跟得上",
  "reset.button": "重置实验室…",
  "reset.title": "要重置实验室吗？",
  "reset.body":
    "停止所有 producer 与 worker，删除并重建实验室的主题（所有记录都会消失）与消费组（所有已提交的偏移量都会消失），并恢复默认设置。实验室卡在无法脱身的状态时使用。",
  "reset.confirm": "重置实验室",
  "reset.cancel": "取消",
  "reset.running": "正在重置…",
  "reset.done": "已在 {time} 内重置：干净的实验室，使用默认设置。",
  "reset.error": "重置失败：{error}",
};
