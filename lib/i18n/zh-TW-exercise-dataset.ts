/** 練習 7 的繁體中文文字（lib/exercises/book/gender-dashboard.ts）；併入繁體中文字典。 */
export const zhTWExerciseDataset = {
  "exercise.gender-dashboard.title": "種子 003 的儀表板：每天各性別的行為數",
  "exercise.gender-dashboard.summary": "像種子 003 的即時儀表板一樣，以一天的事件時間視窗，計算使用者行為日誌中各性別的紀錄數。",
  "exercise.gender-dashboard.statement":
    '輸入是產生的使用者行為日誌（淘寶 user_log.csv 的格式），以資料集頁重播它的方式重播：雙 11 前的一週。每筆紀錄的 key 是買家性別（"0" 女性、"1" 男性、"2" 未知），值是整列的文字（user_id、item_id、cat_id、merchant_id、brand_id、month、day、action、age_range、gender、province），事件時間是 2015 年該月該日 UTC 的午夜。以一天的滾動事件時間視窗計算各性別的紀錄數。當水位線到達視窗的結束時，輸出一次，key 為 "<性別>|<視窗開始>"，值為 { windowStart, gender, count }，gender 是數字。編輯器旁的圖表會畫出你的輸出：每個性別一條線，每天一個點。',
  "exercise.gender-dashboard.hint1":
    "紀錄的視窗開始於 Math.floor(record.eventTime / DAY) * DAY：用事件時間，不要只用 day 欄位（5 月 11 日和 11 月 11 日是不同的日子）。",
  "exercise.gender-dashboard.hint2": "在 ctx.state 中為每個視窗和性別保存一個計數，用你要輸出的 key，例如 `${gender}|${start}`。",
  "exercise.gender-dashboard.hint3": "在 onWatermark 中，輸出每個結束時間（start + DAY）不晚於水位線的視窗，然後刪除它的狀態：輸入結束時水位線會跳過所有視窗。",
};
