import type { enLab } from "./en-lab";

/** 套用設定（重新啟動、成本）、worker 落後多久與重設實驗室的繁體中文字串。 */
export const zhTWLab: Record<keyof typeof enLab, string> = {
  "settings.applyRestarts":
    "套用會重新啟動 {components}：它只在啟動時讀取 {settings}。它會先正常停止（最後一筆交易會提交），再以新數值啟動，並從已提交的偏移量重建狀態，所以輸出不會遺失，也不會重複寫入。",
  "settings.restarting": "正在重新啟動 {components}…",
  "settings.restartedWorker": "已重新啟動 {component}：現在以新的 {settings} 執行。",
  "settings.cost": "另外 join 的狀態約保存 {rows} 筆紀錄（≈ {mb} MB），在這台機器的 {cores} 個核心上每個核心每秒約 {perCore} 筆。",
  "settings.stateHigh": "這樣的 join 狀態超過一台機器在 broker 之外放得下的量。",
  "settings.overCapacity": "一台機器跟不上這些設定：join 會落後好幾分鐘。請修改設定，或勾選「負載測試」仍然套用。",
  "join.restarting": "正以 ±{window}、延遲 {delay} 重新啟動…",
  "agg.runningWith": "正以 {size} 視窗、滑動 {slide}、延遲 {delay}、{mode} 模式執行",
  "agg.restartingWith": "正以 {size} 視窗、滑動 {slide}、延遲 {delay}、{mode} 模式重新啟動…",
  "live.behind": "{worker} 落後 {time}（還有 {records} 筆待讀取）",
  "live.stalled": "{worker} 沒有在讀取，卻有 {records} 筆在等待",
  "live.keepingUp": "{worker} 跟得上",
  "reset.button": "重設實驗室…",
  "reset.title": "要重設實驗室嗎？",
  "reset.body":
    "停止所有 producer 與 worker，刪除並重建實驗室的主題（所有紀錄都會消失）與 consumer group（所有已提交的偏移量都會消失），並恢復預設設定。實驗室卡在無法脫身的狀態時使用。",
  "reset.confirm": "重設實驗室",
  "reset.cancel": "取消",
  "reset.running": "正在重設…",
  "reset.done": "已在 {time} 內重設：乾淨的實驗室，使用預設設定。",
  "reset.error": "重設失敗：{error}",
};
