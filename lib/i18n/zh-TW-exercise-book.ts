import type { enExerciseBook } from "./en-exercise-book";

/** 練習簿的繁體中文文字（題目與提示）。 */
export const zhTWExerciseBook: Record<keyof typeof enExerciseBook, string> = {
  "exercise.filter-map.title": "過濾與轉換",
  "exercise.filter-map.summary": "無狀態的轉換：保留部分紀錄並改變其形狀。",
  "exercise.filter-map.statement":
    "每筆紀錄是一次頁面瀏覽：key = 使用者，value = { user, page, ms }，ms 是瀏覽的毫秒數。保留至少一秒的瀏覽，並送出 (user, { page, seconds })，seconds 取整數秒。這樣的無狀態步驟不需要狀態，也不需要水位線。",
  "exercise.filter-map.hint1": "瀏覽少於 1000 ms 時，在 process() 中直接返回；剛好 1000 ms 的要保留。",
  "exercise.filter-map.hint2": "Math.floor(ms / 1000) 就是整數秒；用 ctx.emit(record.key, { page, seconds }) 送出。",

  "exercise.windows.title": "滾動視窗與滑動視窗",
  "exercise.windows.summary": "依事件時間視窗計算每個頁面的瀏覽數，含水位線與遲到紀錄。",
  "exercise.windows.statement":
    "每筆紀錄是一次頁面瀏覽：key = 頁面。計算每個頁面在 10 秒滾動視窗中的瀏覽數，以及在每 5 秒開始一次、長 10 秒的滑動視窗中的瀏覽數。水位線是目前讀到的最大事件時間減 2 秒。當水位線到達視窗結束時，送出該視窗一次，key 為 `kind|page|start`，value 為 { count }。對於已關閉的視窗（結束 ≤ 水位線），紀錄是遲到紀錄：不計入該視窗，但仍計入仍開啟的視窗。",
  "exercise.windows.hint1": "在 ctx.state 中為每個視窗保存一個計數，例如 key 為 `tumbling|/home|1767225600000`。",
  "exercise.windows.hint2": "時間 t 的紀錄屬於從 floor(t / 10 秒) × 10 秒開始的滾動視窗，以及從 floor(t / 5 秒) × 5 秒和其前 5 秒開始的滑動視窗。",
  "exercise.windows.hint3": "在 onWatermark 中送出並刪除結束 ≤ 水位線的視窗；在 process 中略過結束 ≤ ctx.watermark 的視窗。",

  "exercise.sessions.title": "工作階段視窗",
  "exercise.sessions.summary": "以間隔把每位使用者的活動分成工作階段。",
  "exercise.sessions.statement":
    "每筆紀錄是使用者的一個動作：key = 使用者。工作階段是同一使用者的一串紀錄，相鄰紀錄的事件時間相差少於 30 秒；停頓 30 秒或更久就結束。紀錄可能稍微亂序，所以一筆紀錄可能把兩個工作階段合併成一個。當水位線超過工作階段最後一筆紀錄 + 30 秒時，送出它一次，key 為 `user@start`，value 為 { start, end, count }。事件時間 ≤ 水位線的紀錄是遲到紀錄：丟棄它。",
  "exercise.sessions.hint1": "在 ctx.state 中為每位使用者保存開啟中的工作階段清單，每個為 { start, end, count }。",
  "exercise.sessions.hint2": "時間 t 的新紀錄加入所有 start − 30 秒 < t < end + 30 秒 的開啟中工作階段：把它們與新紀錄合併成一個。",
  "exercise.sessions.hint3": "在 onWatermark 中，end + 30 秒 ≤ 水位線的工作階段已關閉：送出它並從清單中移除。",

  "exercise.dedup.title": "串流去重",
  "exercise.dedup.summary": "每個事件只送出一次，id 只記住水位線需要的那麼久。",
  "exercise.dedup.statement":
    "每筆紀錄是一個帶 id 的事件：key = id。producer 重試了部分傳送，所以同一 id 可能在第一筆之後最多 20 秒事件時間內再次出現。每個 id 只為第一筆紀錄送出一次。只記住 id 直到水位線超過它第一次的事件時間 + 30 秒，讓狀態不會無限增長。事件時間 ≤ 水位線的紀錄是遲到紀錄：丟棄它。",
  "exercise.dedup.hint1": "ctx.state.get(record.key) 可知道 id 是否出現過；保存它第一次的事件時間。",
  "exercise.dedup.hint2": "在 onWatermark 中刪除第一次事件時間 + 30 秒 ≤ 水位線的 id。",
  "exercise.dedup.hint3": "在 id 被忘記後才到的重試，事件時間早於水位線：遲到檢查會丟棄它。",

  "exercise.failed-logins.title": "一分鐘內三次登入失敗",
  "exercise.failed-logins.summary": "用少量狀態偵測每位使用者的模式。",
  "exercise.failed-logins.statement":
    "每筆紀錄是一次登入：key = 使用者，value = { user, ok }，依事件時間排序。當一次失敗的登入（ok: false）是該使用者一分鐘內第三次或更多次失敗時發出警示：事件時間 − 60 秒之後的失敗（包含這一次）達 3 次以上。送出 (user, { failures })，failures 為該次數。",
  "exercise.failed-logins.hint1": "在 ctx.state 中保存每位使用者最近失敗的事件時間。",
  "exercise.failed-logins.hint2": "丟掉 ≤ t − 60 秒的失敗：相隔剛好一分鐘的兩次失敗不算在一分鐘內。",

  "exercise.join.title": "在時間視窗內 join 兩個串流",
  "exercise.join.summary": "依 key 配對訂單與付款（先後皆可），並移除已不可能配對的狀態。",
  "exercise.join.statement":
    '一個主題承載兩個以訂單 id 為 key 的串流：{ stream: "order", orderId, amount } 與 { stream: "payment", orderId }。付款的事件時間在訂單之後 0 到 60 秒內時，送出 (orderId, { amount, paidAfterMs })。任一方都可能先到。訂單或付款只在仍可能配對時保留：水位線超過其事件時間 + 60 秒後就丟棄。事件時間 ≤ 水位線的紀錄是遲到紀錄：丟棄它。',
  "exercise.join.hint1": "把每一方存在自己的 key 下，例如 `order|order-101` 與 `payment|order-101`。",
  "exercise.join.hint2": "紀錄到達時查找另一方：無論誰先到，這時配對可能已經完整。",
  "exercise.join.hint3": "在 onWatermark 中刪除事件時間 + 60 秒 ≤ 水位線的已保存紀錄。",
};
