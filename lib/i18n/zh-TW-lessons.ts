import type { enLessons } from "./en-lessons";

/** 繁體中文: the guided tutorial's text, keyed like en-lessons.ts. */
export const zhTWLessons: Record<keyof typeof enLessons, string> = {
  "lesson.broker.title": "Broker 與 KRaft",
  "lesson.broker.body.1": "Kafka broker 是一台伺服器：把紀錄存進只能附加的日誌，並提供給任何來讀取的人。Producer 寫入、Consumer 讀取，兩者從不直接溝通。",
  "lesson.broker.body.2":
    "本實驗室執行一個真正的 KRaft 模式 broker：broker 同時擔任自己的 controller，把叢集的中繼資料（主題、分區、leader）存在內部的 Raft 日誌中。舊的架構需要另外一個 ZooKeeper，KRaft 不再需要。",
  "lesson.broker.body.3": "右邊的卡片顯示儀表板對它的了解：客戶端連線用的 bootstrap 位址、叢集 ID，以及它保存的主題。",
  "lesson.broker.action": "確認 broker 卡片顯示「已連線」。",
  "lesson.broker.seed": "原始教學要在好幾個終端機用 docker-compose 啟動 Kafka、Kafka-UI 與 Spark 叢集。這裡 `npm start` 就會幫你啟動（或連上）broker。",
  "lesson.topic.title": "主題，以及寫入主題的 Producer",
  "lesson.topic.body.1":
    "主題（topic）是一條有名字的紀錄串流，像一張只會增加的表。每筆紀錄都有 key、value 與時間戳記。這條管線用到 {topicCount} 個主題：{topics}。",
  "lesson.topic.body.2": 'Producer A 預設每秒產生一筆紀錄：隨機的 key（user-1…user-8）和像 {"strategy":"A","value":42,"ts":…} 這樣的 value。',
  "lesson.topic.action": "在圖中按下 Producer A 的「啟動」（如果它正在執行，先停止它）。你啟動的 producer 把紀錄寫入 A_input 後，本課完成。",
  "lesson.topic.seed": "原始教學的 producer 只寫入 A、B、C，所以它的 join 永遠收不到 D。這裡有 D producer，D 紀錄的格式也和其他相同。",
  "lesson.partition.title": "分區與 key 雜湊",
  "lesson.partition.body.1": "主題被切成多個分區（這裡是 3 個）。每個分區都是獨立、有順序的日誌；不同分區可以由不同機器平行寫入與讀取。",
  "lesson.partition.body.2":
    "Producer 用 key 的雜湊值（murmur2 再對分區數取餘數）來選分區。所以 user-3 的每一筆紀錄都落在同一個分區，同一個 key 的紀錄維持順序；不同 key 之間則沒有順序。",
  "lesson.partition.body.3":
    "因為分區是雜湊值對分區數取餘數，增加主題的分區數會讓大多數 key 移到別的分區：同一個 key 的新紀錄不再與舊紀錄保持順序，把同一個 key 放在一起的 join 也會因此錯過配對。所以 Kafka 使用者避免替存放有 key 資料的主題增加分區，而是事先決定分區數。在這裡，套用更大的分區數會重新啟動整條管線，讓每個行程都使用新的分區數。",
  "lesson.partition.body.4":
    "預設 3 個分區、8 個 key 時：{keyMap}。雜湊不是輪流分配：只用 5 個 key（user-1…user-5）時，分區 0 一筆紀錄都拿不到。所以預設是 8 個 key：每個分區都會有紀錄，取所有分區最小值的水位線（聚合用的就是這種）不會受空分區影響。",
  "lesson.partition.action": "在這裡啟動 producer A（如果它正在執行，先停止它），觀察 A_input 收到 20 筆新紀錄，確認每個 key 永遠出現在同一個分區。",
  "lesson.offset.title": "偏移量（offset）",
  "lesson.offset.body.1": "在同一個分區內，每筆紀錄都有一個編號，也就是偏移量：0、1、2……它不會改變，也不會被重複使用。結尾偏移量就是下一筆紀錄會拿到的編號。",
  "lesson.offset.body.2":
    "讀取者只是每個分區裡的一個偏移量：它下一筆要讀的紀錄。讀取不會刪除任何東西，所以許多讀取者可以各自在自己的偏移量讀同一批紀錄，也可以倒回去重讀。",
  "lesson.offset.action": "暫停表格，看看各分區的幾個偏移量，然後按「繼續」。",
  "lesson.producer.title": "Producer：acks 與批次",
  "lesson.producer.body.1":
    "我們的 producer 使用 acks=all：分區的 leader 要等紀錄寫進每個同步副本的日誌之後才會回應，producer 這時才算送出成功。在這一台 broker 上，每個分區只有一個副本，就是 leader 自己，所以 acks=all 等的就是那一份日誌；在叢集模式（KAFKA_NODES=3）下，每個分區有三個副本，acks=all 還要等同步中的 follower，三個之中至少 min.insync.replicas=2 個。",
  "lesson.producer.body.2": "Producer 不會每筆紀錄送一次請求：它按分區把紀錄打包成批次一次送出，所以一個 producer 每秒可以送出上千筆。",
  "lesson.producer.action":
    "把速率改成每秒 100 筆、key 數改成 100（讓 join 跟得上：表單會顯示這些設定的成本），然後套用（producer A 停止時請先啟動）；看 producer A 節點顯示每秒至少寫入 50 筆。接著把速率改回 1、key 數改回 8 並套用：之後的課程在每秒 1 筆時最容易看懂。兩件事都做到時完成。",
  "lesson.consumer-group.title": "Consumer 與 consumer group",
  "lesson.consumer-group.body.1":
    "Consumer 從分區讀取紀錄。使用同一個 group id 的 consumer 組成一個 consumer group：群組把分區分給成員，同一時間每個分區只由一個成員讀取。",
  "lesson.consumer-group.body.2":
    "當第二個實例加入群組（或有人離開、崩潰），群組會重新平衡（rebalance）：讀取短暫暫停，分區重新分配。有 3 個分區時，最多只有 3 個成員有事可做。",
  "lesson.consumer-group.action": "啟動策略轉換（如果它正在執行，先停止它）。它會加入 lab-strategy 群組：分配到分區時完成。",
  "lesson.rebalance.title": "水平擴充：即時看到重新平衡",
  "lesson.rebalance.body.1":
    "Consumer group 把分區分給它的成員。替轉換加上第二個實例，觀察分配表：群組重新平衡，每個實例現在只負責部分分區（每種顏色代表一個分區編號）。",
  "lesson.rebalance.body.2":
    "轉換讀取四個各有 3 個分區的主題：共 12 份工作。Join 必須把 C_output 與 D_input 的同一個分區 p 放在一起，所以只有 3 份：第 4 個 join 實例分不到任何分區，只能閒置。成員比分區多永遠沒有幫助。",
  "lesson.rebalance.body.3": "把 producer 的速率調高，比較 1 個實例與 3 個實例時的落後量：工作分攤後消化得更快。",
  "lesson.rebalance.action": "啟動轉換，再在這裡把實例數設為 2 以上。你改變後，兩個實例都分到分區時完成。",
  "lesson.lag.title": "已提交的偏移量與落後量（lag）",
  "lesson.lag.body.1": "群組透過把偏移量提交（commit）到 Kafka 來記住自己讀到哪裡：某分區的已提交偏移量就是下一筆要處理的紀錄。重新啟動後會從那裡繼續。",
  "lesson.lag.body.2": "落後量是結尾偏移量減去已提交偏移量，也就是還在等待的紀錄數。落後量一直很小代表跟得上；持續變大代表 consumer 停了或太慢。",
  "lesson.lag.action": "在 producer A 執行時停止策略轉換約 10 秒，看 lab-strategy 的落後量上升；再啟動它，看落後量下降。",
  "lesson.transform.title": "無狀態轉換",
  "lesson.transform.body.1":
    "策略 worker 讀取每筆 X_input 紀錄，只根據它的 value 算出結果，以相同的 key 與事件時間寫入 X_output。紀錄之間不記任何東西，這就是無狀態，所以任何實例都能處理任何紀錄。",
  "lesson.transform.body.2":
    "公式：小於 30 乘以 2；30 到 60 乘以 1.5 再加 10；大於 60 取平方除以 100，再截斷成整數。圖中可以看到兩個落差：29 → 58 但 30 → 55；60 → 100 但 61 → 37。",
  "lesson.transform.action": "在這裡啟動轉換（如果它正在執行，先停止它；必要時啟動 producer A），觀察它的結果寫進 A_output。",
  "lesson.transform.seed": "原始教學依紀錄的 strategy 欄位決定輸出主題。這裡由輸入主題決定結果寫到哪裡；strategy 欄位與主題不一致的紀錄會成為死信。",
  "lesson.event-time.title": "事件時間與處理時間",
  "lesson.event-time.body.1":
    "事件時間是事情發生的時間，也就是 producer 放進紀錄的 ts。處理時間是 worker 剛好讀到它的時間。兩者會因網路延遲、批次、停止的 consumer 追趕進度，或離線一小時的手機而不同。實驗室的 producer 會刻意讓少數紀錄亂序（「亂序」設定，預設 5 %）：它們會落在時間軸上比鄰近紀錄更早的位置。",
  "lesson.event-time.body.2": "凡是依時間分組的運算（視窗、join）都應該用事件時間，否則結果會取決於管線剛好跑得多快。Join 檢視把紀錄畫在事件時間軸上。",
  "lesson.event-time.action": "在這裡啟動 producer C 與 D，以及轉換與 join（如果 producer 已在執行，先停止它），觀察 C 與 D 紀錄出現在時間軸上。",
  "lesson.watermark.title": "水位線與遲到的紀錄",
  "lesson.watermark.body.1":
    "串流永不結束，join 不能永遠等待可能還會來的紀錄。水位線（watermark）是它的承諾：「我不再期待比這更舊的紀錄。」這裡它等於 min(最新 C 時間, 最新 D 時間) − 延遲，而且只會往前。",
  "lesson.watermark.body.2":
    "抵達時事件時間已低於水位線的紀錄就是遲到：join 會丟棄並計數（它是有效資料，所以不是死信）。延遲越大，越能容忍亂序，但要保留越多狀態。預設延遲是 15 秒，所以這條線緊跟在最新紀錄後面；producer 刻意產生的少數過舊紀錄會落在線下，被計為遲到。若用種子教學的 30 分鐘（「種子教學」預設組合），線會遠在畫面之外，除非你自己注入，否則不會有遲到紀錄。",
  "lesson.watermark.action":
    "在設定中修改水位線延遲（例如 10 秒）並套用：join 只在啟動時讀取它，所以套用會以新的延遲重新啟動執行中的 join（join 停止時請先啟動）。重新啟動的 join 回報水位線時完成。",
  "lesson.join.title": "串流對串流 Join：時間界限與狀態清除",
  "lesson.join.body.1":
    "當 key 相同，且 d_ts 落在 c_ts ± 視窗內（兩端都包含）時，C 紀錄與 D 紀錄就配對成功。每一對只輸出一次，在第二筆抵達時立刻寫入 D_input_ready。",
  "lesson.join.body.2":
    "為了找出配對，join 把兩邊的紀錄暫存為狀態。當水位線超過 c_ts + 視窗，未來不可能再有 D 與這筆 C 配對，它就會被清除；D 也一樣。所以狀態大小有上限：看看狀態大小的圖表趨於平穩（預設值下約在視窗 + 延遲 = 25 秒後）。",
  "lesson.join.body.3": "先點一個 C 點，再點一個 D 點：面板會說明是否配對，以及沒配對的原因（key 不同、超出視窗多少、或遲到）。",
  "lesson.join.action":
    "等出現連線的配對，再點同一對的 C 與 D 紀錄。面板顯示它們配對成功時完成。預設視窗是 ±10 秒；載入「種子教學」預設組合（±5 分鐘）比較看看：每一列都會變成一整條陰影。",
  "lesson.join.seed":
    "原始教學的 join 從 some_value 欄位讀 D 的數值，並把 ts 寫成格式化字串。這裡 D 和其他紀錄一樣使用 value，所有時間都是 epoch 毫秒，並同時保留 c_ts 與 d_ts。",
  "lesson.aggregate.title": "視窗聚合與輸出模式",
  "lesson.aggregate.body.1":
    "串流聚合維護一張結果表：這裡是每個策略、每個事件時間視窗一列，內含 `result` 的筆數與平均值。滾動視窗（滑動間隔 = 視窗大小）讓每筆紀錄只屬於一個視窗；較小的滑動間隔會讓視窗重疊，一筆紀錄會計入每個包含它的視窗。",
  "lesson.aggregate.body.2":
    "水位線表示一個視窗何時不會再收到紀錄：每個分區是它看過的最新事件時間減去延遲，整張表則取主題各分區中最小的那個（和 Flink 一樣）。水位線越過視窗的結束時間後，視窗就是最終結果，它的狀態可以丟掉。",
  "lesson.aggregate.body.3":
    "比水位線更舊，不等於太遲。比水位線更舊的紀錄，只要它的視窗還沒關閉就仍然計入：表格裡那個視窗的筆數會增加。只有對它所在分區已經關閉的視窗（視窗結束 ≤ 該分區先前的最新事件時間 − 延遲），它才會被丟棄並算成遲到；在滑動視窗中，一筆紀錄可能計入較新的視窗，對較舊的視窗卻已太遲。",
  "lesson.aggregate.body.4":
    "還沒有任何紀錄的分區不會拖住水位線（Flink 稱這種輸入為 idle）。已經有紀錄的分區一定會拖住它，不論讀取進度落後多少：重新啟動或重播之後讀取積壓的紀錄，不會丟掉即時讀取時會保留的任何紀錄。",
  "lesson.aggregate.body.5":
    "輸出模式決定每個微批次寫出什麼。append：只寫剛被水位線關閉的視窗，只寫一次，而且是最終值：在視窗結束加上延遲之前什麼都看不到。update：寫出這批改變過的每個視窗與目前的值：很快，但同一個視窗會出現很多次。complete：每批都寫出整張表：容易閱讀，但會隨著狀態變大。",
  "lesson.aggregate.body.6":
    "和 Spark 不同：這裡的 complete 模式只寫出仍開啟的視窗；水位線關閉視窗後，不論哪種模式，它的狀態都會被丟掉。Spark 的 complete 模式會保留看過的每個視窗（水位線不會丟掉它的狀態）。",
  "lesson.aggregate.action": "啟動 producer A、轉換與聚合；觀察送出的列，再切換輸出模式並套用。當表格顯示過兩種不同模式的列時完成。",
  "lesson.late-data.title": "延遲與亂序紀錄",
  "lesson.late-data.body.1":
    "紀錄不一定依事件時間順序抵達：手機重新上線、批次重送都會造成亂序。Join 會保留紀錄直到水位線越過它們，所以晚了幾秒的紀錄仍然找得到配對。",
  "lesson.late-data.body.2":
    "水位線是 join 仍接受的最早事件時間：min(C 的最大時間, D 的最大時間) 減去水位線延遲（預設 15 秒；「種子教學」預設組合是 30 分鐘）。比它更早的紀錄就是遲到：它的配對可能已經從狀態中移除，所以 join 會丟棄並計數。",
  "lesson.late-data.action":
    "為 user-1 注入一筆 −5 秒的 D 紀錄（視窗內有 C 紀錄就會配對），再注入一筆 −1 分鐘的：它會因遲到被丟棄。看到注入的紀錄已配對或被丟棄（不只是傳送中）時完成。producer 自己產生的亂序也會讓少數紀錄因遲到被丟棄：看看計數器。",
  "lesson.dead-letters.title": "死信（dead letters）",
  "lesson.dead-letters.body.1":
    "無法處理的紀錄（不是 JSON、缺欄位、數值超出範圍、strategy 不符、join 時沒有 key）不能讓管線停下，也不能就此消失。Worker 會把它寫進 dead_letters，附上來源（主題、分區、偏移量）、原因與原始位元組。",
  "lesson.dead-letters.body.2": "之後就能檢查、修正再重送。每個 worker 節點上的死信數會告訴你何時需要處理。",
  "lesson.dead-letters.action": "暫停 dead_letters 表格，看看裡面有什麼。Producer 正常時它會是空的，這是好消息。",
  "lesson.dead-letters.seed": "原始教學從不拒絕紀錄：格式錯誤的紀錄會在下游默默變成 null。這裡它會成為附有原因的死信。",
  "lesson.bad-record.title": "追蹤一筆壞紀錄",
  "lesson.bad-record.body.1":
    "送出一筆轉換讀不懂的紀錄：不是 UTF-8 的位元組、超出範圍的數值、缺少事件時間。Worker 不會崩潰，也不會默默跳過：它會寫入一筆死信，附上原因、來源主題、分區、偏移量與原始位元組。",
  "lesson.bad-record.body.2": "它的輸入偏移量會與死信在同一個交易中提交，所以它和一般結果一樣只會被處理一次。",
  "lesson.bad-record.action": "注入一筆壞紀錄，等它的輸入主題的死信數增加：它到了。再開啟 dead_letters 看它的原因。",
  "lesson.delivery.title": "傳遞保證：最多一次、至少一次、恰好一次",
  "lesson.delivery.body.1":
    "寫出結果的 consumer 對每一批都要做兩件事：寫出輸出，並提交輸入偏移量（它的書籤）。在兩者之間崩潰會發生什麼，決定了傳遞保證。最多一次：先提交再寫出；在兩者之間崩潰，輸出從未寫出的輸入就被跳過：遺失。至少一次：先寫出（並等 acks=all 確認）再提交；在兩者之間崩潰，這些輸入會再讀一次，輸出寫了兩次：重複。恰好一次：把輸出與偏移量的提交放進同一個 Kafka 交易，讀取端只讀已提交的資料：崩潰會讓兩者一起中止。",
  "lesson.delivery.body.2":
    "轉換平常以恰好一次執行。這裡的模式按鈕會讓它改以最多一次或至少一次重新啟動，不使用交易（管線圖會標示出來）。為了容易碰上這段空檔，這個實驗室刻意把它拉長：最多一次在提交後每 5 秒才寫出輸出，至少一次在寫出後每 5 秒才提交。真實 consumer 的空檔只有幾毫秒，或是它的自動提交間隔（Kafka Java consumer 預設 5 秒）：崩潰較少落在其中，但效果相同。",
  "lesson.delivery.body.3":
    "每筆輸出都在標頭記下它的輸入（分區與偏移量），所以「輸入 = 輸出」檢查能分辨這兩種失敗：同一筆輸入的第二筆輸出立刻算作重複；沒有輸出的輸入在沒有紀錄傳送中時算作遺失（停止 producer A 讓它結算）。回到恰好一次會停止新的遺失與重複，但不會修復已經在 A_output 裡的。",
  "lesson.delivery.action":
    "啟動 producer A 與轉換。選擇最多一次（或至少一次），按下「砍掉」，等檢查回報遺失（或重複）的紀錄；要看遺失，請停止 producer A 讓它結算。接著按「回到恰好一次」。在較弱的模式下砍掉後檢查回報了遺失或重複，且轉換再次以恰好一次執行時完成。",
  "lesson.chaos.title": "混沌實驗：砍掉它，什麼都不會遺失",
  "lesson.chaos.body.1": "SIGKILL 會立刻結束行程：沒有關閉流程，也沒有最後一次提交。它進行中的交易會被 Kafka 中止；supervisor 會以退避時間重新啟動它。",
  "lesson.chaos.body.2":
    "新的行程從與最後一批輸出一起提交的偏移量繼續。讀過但還沒提交的紀錄會再處理一次，但它們先前的輸出從未提交，所以 read committed 的讀取者對每個結果只會看到一次。「輸入 = 輸出」檢查證明了這點：輸入 = 結果 + 死信 + 等待中。（在傳遞保證課程中以較弱模式遺失或重複的紀錄仍會計入；恰好一次不會再增加。）",
  "lesson.chaos.action":
    "在 producer A 與轉換都執行時按下「砍掉」。觀察沒有人讀取時落後量上升、重新啟動，以及輸入 = 輸出仍然成立。砍掉後量到的群組落後量先上升、再隨著重新啟動的轉換追上而降回來時完成。",
  "lesson.replay.title": "重播：偏移量只是書籤",
  "lesson.replay.body.1":
    "Kafka 在紀錄被讀取後仍會保留它們，所以 consumer group 可以回頭。倒回群組就是替它提交較早的偏移量：最早的那個，或某個時間點之後的第一筆紀錄。只有在沒有成員讀取時 Kafka 才允許這麼做。",
  "lesson.replay.body.2":
    "再次啟動後，轉換會從那裡重新處理每一筆紀錄，並再次寫出結果。轉換本身是確定性的，但寫入不是冪等的：下游現在會看到同樣的結果兩次，輸入 = 輸出檢查會顯示重複。重播是修正錯誤後復原的方法，所以下游必須能容忍它（用 key 去重，或用 upsert）。",
  "lesson.replay.action": "停止轉換，等它的群組清空，倒回群組（最早或幾分鐘前），再啟動它。每一筆倒回的紀錄都重新處理後完成。",
  "lesson.replication.title": "複製與 ISR",
  "lesson.replication.body.1":
    "在叢集模式下，每個主題的複製因子是 3：每個分區存放在三個 broker 上。其中一個副本是 leader，負責所有寫入與讀取；另外兩個是 follower，像 consumer 一樣不斷從 leader 抓取。",
  "lesson.replication.body.2":
    "同步副本（ISR）是 leader，加上最近追上它的 follower（在 replica.lag.time.max.ms 內，這裡是 10 秒）。follower 一旦停止抓取（它的 broker 掛了或落後了），就會被移出 ISR：這個分區就副本不足。它回來後會補上錯過的紀錄，再重新加入 ISR。",
  "lesson.replication.action":
    "啟動 producer A，然後在叢集頁面殺掉或停止一個 broker。看它的分區的 ISR 縮成兩個，分區變成副本不足。再啟動它，看它的日誌結尾偏移量追上來。在你殺掉或停止之後有分區少了一個同步副本，而在你啟動之後每個分區又有三個同步副本時完成。",
  "lesson.leader-election.title": "Leader 選舉",
  "lesson.leader-election.body.1":
    "當 leader 所在的 broker 消失時，controller（KRaft quorum 的 leader，頁面上有標示）會從 ISR 中選出新的 leader：只有擁有所有已確認紀錄的副本才能當 leader。正常停止會立刻交出 leader 身分；被殺掉時，controller 要先發現這個 broker 不再回應心跳（broker.session.timeout.ms，預設 9 秒）。",
  "lesson.leader-election.body.2":
    "Unclean leader 選舉會在沒有同步副本時讓未同步的副本當 leader：分區會早點恢復，但它缺少的紀錄就永遠消失了。這裡把它關掉（unclean.leader.election.enable=false，Kafka 的預設），因為這個實驗室保證恰好一次：分區會一直離線，直到同步副本回來，已確認的紀錄一筆都不會遺失。",
  "lesson.leader-election.action":
    "在叢集頁面殺掉擔任某個分區 leader 的 broker（它的副本標示為 leader）。看 leader 欄位換成另一個 broker。在你讓一個擔任 leader 的 broker 停機之後，每個分區都有 leader 且都不是那個 broker 時完成。",
  "lesson.acks.title": "acks 與 min.insync.replicas",
  "lesson.acks.body.1":
    "producer 可以選擇要等多少：acks=0 完全不等，acks=1 等 leader 寫入，acks=all 等 ISR 中的每個副本。只有 acks=all 能承受 leader 在回覆後立刻掛掉。",
  "lesson.acks.body.2":
    "但縮小後的 ISR 可能只剩 leader。實驗室的主題設定了 min.insync.replicas=2：用 acks=all 時，同步副本少於兩個，leader 就拒絕寫入（NOT_ENOUGH_REPLICAS），所以已確認的紀錄一定至少在兩個 broker 上。producer 會一直重試，broker 回來後就自己繼續；acks=1 與 acks=0 則繼續只寫到 leader。",
  "lesson.acks.action":
    "讓 producer A 用 acks=all 執行，停止兩個 broker。看 producer A 的節點顯示 NOT_ENOUGH_REPLICAS 而沒有寫出任何紀錄，再啟動一個 broker，看它重新寫入。在 producer 的寫入因同步副本不足被拒絕、之後又成功時完成。",
  "lesson.high-watermark.title": "高水位",
  "lesson.high-watermark.body.1":
    "每個副本都有日誌結尾偏移量（LEO）：它最後一筆紀錄之後的偏移量。高水位（HW）是 ISR 中最小的 LEO：所有同步副本都擁有的紀錄。consumer 只讀得到它之前的紀錄，所以讀過的紀錄不會因 leader 選舉而消失。",
  "lesson.high-watermark.body.2":
    "不在 ISR 中的副本不會拖住高水位：一個 broker 停機時，高水位跟著剩下的兩個繼續前進。broker 回來時，它的副本 LEO 落後；它會追上高水位，之後才重新加入 ISR。最後穩定偏移量（LSO）是交易版的同一個概念：它停在第一個未結束的交易。",
  "lesson.high-watermark.action":
    "讓 producer A 執行，殺掉或停止一個 broker，看高水位持續增加，而那個 broker 的副本沒有日誌結尾偏移量。啟動它，看它的 LEO 追上高水位。在分區副本不足時高水位增加、而你啟動之後每個分區又完全同步時完成。",
};
