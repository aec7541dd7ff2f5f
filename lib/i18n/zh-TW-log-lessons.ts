/** 日誌頁課程的繁體中文文字；併入繁體中文字典。 */
export const zhTWLogLessons = {
  "lesson.segments.title": "區段與保留期限",
  "lesson.segments.body.1":
    "分區的日誌是 broker 磁碟上一連串的區段檔案，每個以它的第一個偏移量（基準偏移量）命名。Kafka 只寫入最新的那個，也就是作用中的區段；當它達到 segment.bytes 的大小或 segment.ms 的時間，就輪替到新的區段。",
  "lesson.segments.body.2":
    "保留期限刪除的是整個已關閉的區段：當區段裡最新的紀錄比 retention.ms 還舊（或分區超過 retention.bytes）時。日誌起始偏移量，也就是日誌中仍存在的第一個偏移量，每次都會往前跳一整個區段。讀取從不刪除任何東西，只有保留期限會。",
  "lesson.segments.body.3":
    "已提交偏移量落在日誌起始之前的 consumer，在那裡什麼也找不到。auto.offset.reset 決定它怎麼做：earliest 從日誌起始繼續讀，latest 直接跳到結尾。不論哪種，中間的紀錄它都失去了，而且不會有錯誤。",
  "lesson.segments.action":
    "開始示範（若尚未執行），看區段清單輪替、日誌起始偏移量往前移。等慢速讀取者的偏移量落在日誌起始之後，用 earliest 或 latest 讓它繼續讀。日誌起始前移、且繼續讀的讀取者回報失去紀錄時，本課完成。",
  "lesson.compaction.title": "壓實：每個 key 的最後一個值",
  "lesson.compaction.body.1":
    "壓實的主題（cleanup.policy=compact）不依時間刪除，而是至少保留每個 key 的最後一筆紀錄：像使用者資料這樣的表，新的讀取者從頭讀一遍就能重建。cleaner 複製已關閉的區段，略過被同一 key 較新紀錄取代的紀錄；偏移量保持不變，中間留下空缺。",
  "lesson.compaction.body.2":
    "值為 null 的紀錄是墓碑：它刪除自己的 key。cleaner 會保留它 delete.retention.ms，讓落後的讀取者仍看得到這次刪除，之後才丟掉它，這個 key 就從日誌中消失了。",
  "lesson.compaction.action":
    "開始示範，看寫入多次的 key 在日誌中只留下最後一筆紀錄（加上作用中區段裡的紀錄）。然後刪除一位使用者：它的墓碑出現，大約 10–30 秒後這個 key 就消失了。cleaner 移除了某個 key 的舊版本、且你刪除的 key 消失時，本課完成。",
  "lesson.transactions.title": "交易與最後穩定偏移量",
  "lesson.transactions.body.1":
    "交易的紀錄會立刻寫進日誌，在提交之前。read_committed 讀取者只讀到最後穩定偏移量（LSO）為止：也就是任何仍開啟的交易的第一筆紀錄之前。高水位則繼續前進；read_uncommitted 讀到高水位為止，包含開啟中的交易。",
  "lesson.transactions.body.2":
    "交易提交或中止時，broker 會在它寫過的每個分區寫入一個標記；LSO 越過標記，read_committed 讀取者會跳過被中止交易的紀錄。管線的 worker 把每筆輸出都寫在交易裡，所以它們用 read_committed 讀取。",
  "lesson.transactions.body.3":
    "在交易中途被砍掉的 producer 正好會留下這樣的結果：日誌裡有紀錄，然後交易被中止（被重新啟動的 worker 隔離，或在 transaction.timeout.ms 後由 broker 中止）。只有 read_uncommitted 讀取者曾經看過它們。",
  "lesson.transactions.action":
    "讓一筆交易保持開啟，看最後穩定偏移量停在高水位之下，同時 read_uncommitted 讀到它的紀錄、read_committed 沒有。然後中止它。read_committed 越過被中止的紀錄而沒有讀到它們時，本課完成。",
};
