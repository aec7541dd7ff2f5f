import type { enSettings } from "./en-settings";

/** 設定中亂序與預設組合的繁體中文字串。 */
export const zhTWSettings: Record<keyof typeof enSettings, string> = {
  "settings.disorderPercent": "亂序（事件時間較早的紀錄百分比）",
  "settings.disorderHint":
    "其中 80 % 早了 {onFrom} … {onTo}：只是亂序，仍在 join 的水位線之上，所以照樣能配對。20 % 早了 {lateFrom} … {lateTo}：超過水位線延遲，join 會把它們當作遲到紀錄丟棄。",
  "settings.presets": "預設組合",
  "settings.preset.learn": "學習",
  "settings.preset.seed": "種子教學",
  "settings.preset.loadTest": "負載測試",
  "settings.presetNote.learn":
    "實驗室的預設值：join 視窗 ±{window}、水位線延遲 {delay}、亂序 {disorder} %，按下開始後一分鐘內就能看到視窗範圍、水位線、狀態清除與遲到紀錄。",
  "settings.presetNote.seed":
    "種子教學的設定：視窗 ±{window}、水位線延遲 {delay}、每秒 {rate} 筆、{keys} 個 key，每筆紀錄都標上產生當下的時間。會有什麼不同：水位線遠在 join 畫面左側之外，大約 {evict}（視窗 + 延遲）內不會清除任何狀態，除非你自己注入，否則不會有遲到紀錄。",
  "settings.presetNote.loadTest":
    "負載測試：每個 producer 每秒 {rate} 筆、{keys} 個 key、視窗 ±{window}、沒有亂序。請觀察每秒筆數、落後量與狀態大小，而不是單筆紀錄。",
  "settings.presetFilled": "已填入表單：按「套用」才會生效。",
};
