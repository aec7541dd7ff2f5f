import type { enLessons } from "./en-lessons";

/** 简体中文: the guided tutorial's text, keyed like en-lessons.ts. */
export const zhCNLessons: Record<keyof typeof enLessons, string> = {
  "lesson.broker.title": "Broker 与 KRaft",
  "lesson.broker.body.1": "Kafka broker 是一台服务器：把记录存进只能附加的日志，并提供给任何来读取的人。Producer 写入、Consumer 读取，两者从不直接通信。",
  "lesson.broker.body.2":
    "本实验室运行一个真正的 KRaft 模式 broker：broker 同时担任自己的 controller，把集群的元数据（主题、分区、leader）存在内部的 Raft 日志中。旧的架构需要另外一个 ZooKeeper，KRaft 不再需要。",
  "lesson.broker.body.3": "右边的卡片显示仪表盘对它的了解：客户端连接用的 bootstrap 地址、集群 ID，以及它保存的主题。",
  "lesson.broker.action": "确认 broker 卡片显示「已连接」。",
  "lesson.broker.seed": "原始教程要在好几个终端用 docker-compose 启动 Kafka、Kafka-UI 与 Spark 集群。这里 `npm start` 就会帮你启动（或连上）broker。",
  "lesson.topic.title": "主题，以及写入主题的 Producer",
  "lesson.topic.body.1":
    "主题（topic）是一条有名字的记录流，像一张只会增加的表。每条记录都有 key、value 与时间戳。这条管道用到 {topicCount} 个主题：{topics}。",
  "lesson.topic.body.2": 'Producer A 默认每秒产生一条记录：随机的 key（user-1…user-8）和像 {"strategy":"A","value":42,"ts":…} 这样的 value。',
  "lesson.topic.action": "在图中按下 Producer A 的「启动」（如果它正在运行，先停止它）。你启动的 producer 把记录写入 A_input 后，本课完成。",
  "lesson.topic.seed": "原始教程的 producer 只写入 A、B、C，所以它的 join 永远收不到 D。这里有 D producer，D 记录的格式也和其他相同。",
  "lesson.partition.title": "分区与 key 哈希",
  "lesson.partition.body.1": "主题被切成多个分区（这里是 3 个）。每个分区都是独立、有顺序的日志；不同分区可以由不同机器并行写入与读取。",
  "lesson.partition.body.2":
    "Producer 用 key 的哈希值（murmur2 再对分区数取余数）来选分区。所以 user-3 的每一条记录都落在同一个分区，同一个 key 的记录维持顺序；不同 key 之间则没有顺序。",
  "lesson.partition.body.3":
    "因为分区是哈希值对分区数取余数，增加主题的分区数会让大多数 key 移到别的分区：同一个 key 的新记录不再与旧记录保持顺序，把同一个 key 放在一起的 join 也会因此错过配对。所以 Kafka 用户避免为存放有 key 数据的主题增加分区，而是事先决定分区数。在这里，应用更大的分区数会重新启动整条管道，让每个进程都使用新的分区数。",
  "lesson.partition.body.4":
    "默认 3 个分区、8 个 key 时：{keyMap}。哈希不是轮流分配：只用 5 个 key（user-1…user-5）时，分区 0 一条记录都拿不到。所以默认是 8 个 key：每个分区都会有记录，取所有分区最小值的水位线（聚合用的就是这种）不会受空分区影响。",
  "lesson.partition.action": "在这里启动 producer A（如果它正在运行，先停止它），观察 A_input 收到 20 条新记录，确认每个 key 永远出现在同一个分区。",
  "lesson.offset.title": "偏移量（offset）",
  "lesson.offset.body.1": "在同一个分区内，每条记录都有一个编号，也就是偏移量：0、1、2……它不会改变，也不会被重复使用。结尾偏移量就是下一条记录会拿到的编号。",
  "lesson.offset.body.2":
    "读取者只是每个分区里的一个偏移量：它下一条要读的记录。读取不会删除任何东西，所以许多读取者可以各自在自己的偏移量读同一批记录，也可以倒回去重读。",
  "lesson.offset.action": "暂停表格，看看各分区的几个偏移量，然后按「继续」。",
  "lesson.producer.title": "Producer：acks 与批次",
  "lesson.producer.body.1":
    "我们的 producer 使用 acks=all：分区的 leader 要等记录写进每个同步副本的日志之后才会回应，producer 这时才算发送成功。在这一台 broker 上，每个分区只有一个副本，就是 leader 自己，所以 acks=all 等的就是那一份日志；在集群模式（KAFKA_NODES=3）下，每个分区有三个副本，acks=all 还要等同步中的 follower，三个之中至少 min.insync.replicas=2 个。",
  "lesson.producer.body.2": "Producer 不会每条记录送一次请求：它按分区把记录打包成批次一次发送，所以一个 producer 每秒可以发送上千条。",
  "lesson.producer.action":
    "把速率改成每秒 100 条、key 数改成 100（让 join 跟得上：表单会显示这些设置的成本），然后应用（producer A 停止时请先启动）；看 producer A 节点显示每秒至少写入 50 条。接着把速率改回 1、key 数改回 8 并应用：之后的课程在每秒 1 条时最容易看懂。两件事都做到时完成。",
  "lesson.consumer-group.title": "Consumer 与消费组",
  "lesson.consumer-group.body.1":
    "Consumer 从分区读取记录。使用同一个 group id 的 consumer 组成一个消费组（consumer group）：它把分区分给成员，同一时间每个分区只由一个成员读取。",
  "lesson.consumer-group.body.2":
    "当第二个实例加入消费组（或有人离开、崩溃），消费组会重平衡（rebalance）：读取短暂暂停，分区重新分配。有 3 个分区时，最多只有 3 个成员有事可做。",
  "lesson.consumer-group.action": "启动策略转换（如果它正在运行，先停止它）。它会加入 lab-strategy 消费组：分配到分区时完成。",
  "lesson.rebalance.title": "水平扩展：实时看到重平衡",
  "lesson.rebalance.body.1":
    "消费组把分区分给它的成员。替转换加上第二个实例，观察分配表：消费组重平衡，每个实例现在只负责部分分区（每种颜色代表一个分区编号）。",
  "lesson.rebalance.body.2":
    "转换读取四个各有 3 个分区的主题：共 12 份工作。Join 必须把 C_output 与 D_input 的同一个分区 p 放在一起，所以只有 3 份：第 4 个 join 实例分不到任何分区，只能空闲。成员比分区多永远没有帮助。",
  "lesson.rebalance.body.3": "把 producer 的速率调高，比较 1 个实例与 3 个实例时的滞后量：工作分摊后消化得更快。",
  "lesson.rebalance.action": "启动转换，再在这里把实例数设为 2 以上。你改变后，两个实例都分到分区时完成。",
  "lesson.lag.title": "已提交的偏移量与滞后量（lag）",
  "lesson.lag.body.1": "消费组通过把偏移量提交（commit）到 Kafka 来记住自己读到哪里：某分区的已提交偏移量就是下一条要处理的记录。重新启动后会从那里继续。",
  "lesson.lag.body.2": "滞后量是结尾偏移量减去已提交偏移量，也就是还在等待的记录数。滞后量一直很小代表跟得上；持续变大代表 consumer 停了或太慢。",
  "lesson.lag.action": "在 producer A 运行时停止策略转换约 10 秒，看 lab-strategy 的滞后量上升；再启动它，看滞后量下降。",
  "lesson.transform.title": "无状态转换",
  "lesson.transform.body.1":
    "策略 worker 读取每条 X_input 记录，只根据它的 value 算出结果，以相同的 key 与事件时间写入 X_output。记录之间不记任何东西，这就是无状态，所以任何实例都能处理任何记录。",
  "lesson.transform.body.2":
    "公式：小于 30 乘以 2；30 到 60 乘以 1.5 再加 10；大于 60 取平方除以 100，再截断成整数。图中可以看到两个落差：29 → 58 但 30 → 55；60 → 100 但 61 → 37。",
  "lesson.transform.action": "在这里启动转换（如果它正在运行，先停止它；必要时启动 producer A），观察它的结果写进 A_output。",
  "lesson.transform.seed": "原始教程依记录的 strategy 字段决定输出主题。这里由输入主题决定结果写到哪里；strategy 字段与主题不一致的记录会成为死信。",
  "lesson.event-time.title": "事件时间与处理时间",
  "lesson.event-time.body.1":
    "事件时间是事情发生的时间，也就是 producer 放进记录的 ts。处理时间是 worker 刚好读到它的时间。两者会因网络延迟、批次、停止的 consumer 追赶进度，或脱机一小时的手机而不同。实验室的 producer 会刻意让少数记录乱序（“乱序”设置，默认 5 %）：它们会落在时间轴上比邻近记录更早的位置。",
  "lesson.event-time.body.2": "凡是依时间分组的运算（窗口、join）都应该用事件时间，否则结果会取决于管道刚好跑得多快。Join 查看把记录画在事件时间轴上。",
  "lesson.event-time.action": "在这里启动 producer C 与 D，以及转换与 join（如果 producer 已在运行，先停止它），观察 C 与 D 记录出现在时间轴上。",
  "lesson.watermark.title": "水位线与迟到的记录",
  "lesson.watermark.body.1":
    "流永不结束，join 不能永远等待可能还会来的记录。水位线（watermark）是它的承诺：「我不再期待比这更旧的记录。」这里它等于 min(最新 C 时间, 最新 D 时间) − 延迟，而且只会往前。",
  "lesson.watermark.body.2":
    "到达时事件时间已低于水位线的记录就是迟到：join 会丢弃并计数（它是有效数据，所以不是死信）。延迟越大，越能容忍乱序，但要保留越多状态。默认延迟是 15 秒，所以这条线紧跟在最新记录后面；producer 刻意生成的少数过旧记录会落在线下，被计为迟到。若用种子教程的 30 分钟（“种子教程”预设组合），线会远在画面之外，除非你自己注入，否则不会有迟到记录。",
  "lesson.watermark.action":
    "在设置中修改水位线延迟（例如 10 秒）并应用：join 只在启动时读取它，所以应用会以新的延迟重新启动运行中的 join（join 停止时请先启动）。重新启动的 join 回报水位线时完成。",
  "lesson.join.title": "流对流 Join：时间界限与状态清除",
  "lesson.join.body.1":
    "当 key 相同，且 d_ts 落在 c_ts ± 窗口内（两端都包含）时，C 记录与 D 记录就配对成功。每一对只输出一次，在第二条到达时立刻写入 D_input_ready。",
  "lesson.join.body.2":
    "为了找出配对，join 把两边的记录缓存为状态。当水位线超过 c_ts + 窗口，未来不可能再有 D 与这条 C 配对，它就会被清除；D 也一样。所以状态大小有上限：看看状态大小的图表趋于平稳（默认值下约在窗口 + 延迟 = 25 秒后）。",
  "lesson.join.body.3": "先点一个 C 点，再点一个 D 点：面板会说明是否配对，以及没配对的原因（key 不同、超出窗口多少、或迟到）。",
  "lesson.join.action":
    "等出现连接的配对，再点同一对的 C 与 D 记录。面板显示它们配对成功时完成。默认窗口是 ±10 秒；加载“种子教程”预设组合（±5 分钟）比较一下：每一行都会变成一整条阴影。",
  "lesson.join.seed":
    "原始教程的 join 从 some_value 字段读 D 的数值，并把 ts 写成格式化字符串。这里 D 和其他记录一样使用 value，所有时间都是 epoch 毫秒，并同时保留 c_ts 与 d_ts。",
  "lesson.aggregate.title": "窗口聚合与输出模式",
  "lesson.aggregate.body.1":
    "流式聚合维护一张结果表：这里是每个策略、每个事件时间窗口一行，包含 `result` 的条数与平均值。滚动窗口（滑动步长 = 窗口大小）让每条记录只属于一个窗口；较小的滑动步长会让窗口重叠，一条记录会计入每个包含它的窗口。",
  "lesson.aggregate.body.2":
    "水位线表示一个窗口何时不会再收到记录：每个分区是它看到的最新事件时间减去延迟，整张表则取主题各分区中最小的那个（和 Flink 一样）。水位线越过窗口的结束时间后，窗口就是最终结果，它的状态可以丢弃。",
  "lesson.aggregate.body.3":
    "比水位线更旧，不等于太迟。比水位线更旧的记录，只要它的窗口还没关闭就仍然计入：表格里那个窗口的条数会增加。只有对它所在分区已经关闭的窗口（窗口结束 ≤ 该分区之前的最新事件时间 − 延迟），它才会被丢弃并算作迟到；在滑动窗口中，一条记录可能计入较新的窗口，对较旧的窗口却已太迟。",
  "lesson.aggregate.body.4":
    "还没有任何记录的分区不会拖住水位线（Flink 称这种输入为 idle）。已经有记录的分区一定会拖住它，不论读取进度落后多少：重新启动或重放之后读取积压的记录，不会丢掉实时读取时会保留的任何记录。",
  "lesson.aggregate.body.5":
    "输出模式决定每个微批次写出什么。append：只写刚被水位线关闭的窗口，只写一次，而且是最终值：在窗口结束加上延迟之前什么都看不到。update：写出这批改变过的每个窗口及当前值：很快，但同一个窗口会出现很多次。complete：每批都写出整张表：容易阅读，但会随着状态变大。",
  "lesson.aggregate.body.6":
    "和 Spark 不同：这里的 complete 模式只写出仍打开的窗口；水位线关闭窗口后，不论哪种模式，它的状态都会被丢弃。Spark 的 complete 模式会保留看到的每个窗口（水位线不会丢弃它的状态）。",
  "lesson.aggregate.action": "启动 producer A、转换和聚合；观察发出的行，再切换输出模式并应用。当表格显示过两种不同模式的行时完成。",
  "lesson.late-data.title": "延迟与乱序记录",
  "lesson.late-data.body.1":
    "记录不一定依事件时间顺序到达：手机重新上线、批次重送都会造成乱序。Join 会保留记录直到水位线越过它们，所以晚了几秒的记录仍然找得到配对。",
  "lesson.late-data.body.2":
    "水位线是 join 仍接受的最早事件时间：min(C 的最大时间, D 的最大时间) 减去水位线延迟（默认 15 秒；“种子教程”预设组合是 30 分钟）。比它更早的记录就是迟到：它的配对可能已经从状态中移除，所以 join 会丢弃并计数。",
  "lesson.late-data.action":
    "为 user-1 注入一条 −5 秒的 D 记录（窗口内有 C 记录就会配对），再注入一条 −1 分钟的：它会因迟到被丢弃。看到注入的记录已配对或被丢弃（不只是传送中）时完成。producer 自己生成的乱序也会让少数记录因迟到被丢弃：看看计数器。",
  "lesson.dead-letters.title": "死信（dead letters）",
  "lesson.dead-letters.body.1":
    "无法处理的记录（不是 JSON、缺字段、数值超出范围、strategy 不符、join 时没有 key）不能让管道停下，也不能就此消失。Worker 会把它写进 dead_letters，附上来源（主题、分区、偏移量）、原因与原始字节。",
  "lesson.dead-letters.body.2": "之后就能检查、修正再重送。每个 worker 节点上的死信数会告诉你何时需要处理。",
  "lesson.dead-letters.action": "暂停 dead_letters 表格，看看里面有什么。Producer 正常时它会是空的，这是好消息。",
  "lesson.dead-letters.seed": "原始教程从不拒绝记录：格式错误的记录会在下游默默变成 null。这里它会成为附有原因的死信。",
  "lesson.bad-record.title": "追踪一条坏记录",
  "lesson.bad-record.body.1":
    "发送一条转换读不懂的记录：不是 UTF-8 的字节、超出范围的数值、缺少事件时间。Worker 不会崩溃，也不会默默跳过：它会写入一条死信，附上原因、来源主题、分区、偏移量与原始字节。",
  "lesson.bad-record.body.2": "它的输入偏移量会与死信在同一个事务中提交，所以它和一般结果一样只会被处理一次。",
  "lesson.bad-record.action": "注入一条坏记录，等它的输入主题的死信数增加：它到了。再打开 dead_letters 看它的原因。",
  "lesson.delivery.title": "传递保证：最多一次、至少一次、恰好一次",
  "lesson.delivery.body.1":
    "写出结果的 consumer 对每一批都要做两件事：写出输出，并提交输入偏移量（它的书签）。在两者之间崩溃会发生什么，决定了传递保证。最多一次：先提交再写出；在两者之间崩溃，输出从未写出的输入就被跳过：丢失。至少一次：先写出（并等 acks=all 确认）再提交；在两者之间崩溃，这些输入会再读一次，输出写了两次：重复。恰好一次：把输出与偏移量的提交放进同一个 Kafka 事务，读取端只读已提交的数据：崩溃会让两者一起中止。",
  "lesson.delivery.body.2":
    "转换平时以恰好一次运行。这里的模式按钮会让它改以最多一次或至少一次重新启动，不使用事务（管道图会标示出来）。为了容易碰上这段空档，这个实验室故意把它拉长：最多一次在提交后每 5 秒才写出输出，至少一次在写出后每 5 秒才提交。真实 consumer 的空档只有几毫秒，或是它的自动提交间隔（Kafka Java consumer 默认 5 秒）：崩溃较少落在其中，但效果相同。",
  "lesson.delivery.body.3":
    "每条输出都在记录头记下它的输入（分区与偏移量），所以「输入 = 输出」检查能分辨这两种失败：同一条输入的第二条输出立刻算作重复；没有输出的输入在没有记录发送中时算作丢失（停止 producer A 让它结算）。回到恰好一次会停止新的丢失与重复，但不会修复已经在 A_output 里的。",
  "lesson.delivery.action":
    "启动 producer A 与转换。选择最多一次（或至少一次），按下「杀掉」，等检查报告丢失（或重复）的记录；要看丢失，请停止 producer A 让它结算。接着按「回到恰好一次」。在较弱的模式下杀掉后检查报告了丢失或重复，且转换再次以恰好一次运行时完成。",
  "lesson.chaos.title": "混沌实验：杀掉它，什么都不会丢失",
  "lesson.chaos.body.1": "SIGKILL 会立刻结束进程：没有关闭流程，也没有最后一次提交。它进行中的事务会被 Kafka 中止；supervisor 会以退避时间重新启动它。",
  "lesson.chaos.body.2":
    "新的进程从与最后一批输出一起提交的偏移量继续。读过但还没提交的记录会再处理一次，但它们先前的输出从未提交，所以 read committed 的读取者对每个结果只会看到一次。「输入 = 输出」检查证明了这点：输入 = 结果 + 死信 + 等待中。（在传递保证课程中以较弱模式丢失或重复的记录仍会计入；恰好一次不会再增加。）",
  "lesson.chaos.action":
    "在 producer A 与转换都运行时按下「杀掉」。观察没有人读取时滞后量上升、重新启动，以及输入 = 输出仍然成立。杀掉后测到的消费组滞后量先上升、再随着重新启动的转换追上而降回来时完成。",
  "lesson.replay.title": "重放：偏移量只是书签",
  "lesson.replay.body.1":
    "Kafka 在记录被读取后仍会保留它们，所以消费组可以回头。倒回消费组就是替它提交较早的偏移量：最早的那个，或某个时间点之后的第一条记录。只有在没有成员读取时 Kafka 才允许这么做。",
  "lesson.replay.body.2":
    "再次启动后，转换会从那里重新处理每一条记录，并再次写出结果。转换本身是确定性的，但写入不是幂等的：下游现在会看到同样的结果两次，输入 = 输出检查会显示重复。重放是修正错误后复原的方法，所以下游必须能容忍它（用 key 去重，或用 upsert）。",
  "lesson.replay.action": "停止转换，等它的消费组清空，倒回消费组（最早或几分钟前），再启动它。每一条倒回的记录都重新处理后完成。",
  "lesson.replication.title": "复制与 ISR",
  "lesson.replication.body.1":
    "在集群模式下，每个主题的复制因子是 3：每个分区存放在三个 broker 上。其中一个副本是 leader，负责所有写入与读取；另外两个是 follower，像 consumer 一样不断从 leader 抓取。",
  "lesson.replication.body.2":
    "同步副本（ISR）是 leader，加上最近追上它的 follower（在 replica.lag.time.max.ms 内，这里是 10 秒）。follower 一旦停止抓取（它的 broker 挂了或落后了），就会被移出 ISR：这个分区就副本不足。它回来后会补上错过的记录，再重新加入 ISR。",
  "lesson.replication.action":
    "启动 producer A，然后在集群页面杀掉或停止一个 broker。看它的分区的 ISR 缩成两个，分区变成副本不足。再启动它，看它的日志末端偏移量追上来。在你杀掉或停止之后有分区少了一个同步副本，而在你启动之后每个分区又有三个同步副本时完成。",
  "lesson.leader-election.title": "Leader 选举",
  "lesson.leader-election.body.1":
    "当 leader 所在的 broker 消失时，controller（KRaft quorum 的 leader，页面上有标示）会从 ISR 中选出新的 leader：只有拥有所有已确认记录的副本才能当 leader。正常停止会立刻交出 leader 身份；被杀掉时，controller 要先发现这个 broker 不再响应心跳（broker.session.timeout.ms，默认 9 秒）。",
  "lesson.leader-election.body.2":
    "Unclean leader 选举会在没有同步副本时让未同步的副本当 leader：分区会早点恢复，但它缺少的记录就永远消失了。这里把它关掉（unclean.leader.election.enable=false，Kafka 的默认），因为这个实验室保证恰好一次：分区会一直离线，直到同步副本回来，已确认的记录一条都不会丢失。",
  "lesson.leader-election.action":
    "在集群页面杀掉担任某个分区 leader 的 broker（它的副本标示为 leader）。看 leader 列换成另一个 broker。在你让一个担任 leader 的 broker 停机之后，每个分区都有 leader 且都不是那个 broker 时完成。",
  "lesson.acks.title": "acks 与 min.insync.replicas",
  "lesson.acks.body.1":
    "producer 可以选择要等多少：acks=0 完全不等，acks=1 等 leader 写入，acks=all 等 ISR 中的每个副本。只有 acks=all 能承受 leader 在回复后立刻挂掉。",
  "lesson.acks.body.2":
    "但缩小后的 ISR 可能只剩 leader。实验室的主题设置了 min.insync.replicas=2：用 acks=all 时，同步副本少于两个，leader 就拒绝写入（NOT_ENOUGH_REPLICAS），所以已确认的记录一定至少在两个 broker 上。producer 会一直重试，broker 回来后就自己继续；acks=1 与 acks=0 则继续只写到 leader。",
  "lesson.acks.action":
    "让 producer A 用 acks=all 运行，停止两个 broker。看 producer A 的节点显示 NOT_ENOUGH_REPLICAS 而没有写出任何记录，再启动一个 broker，看它重新写入。在 producer 的写入因同步副本不足被拒绝、之后又成功时完成。",
  "lesson.high-watermark.title": "高水位",
  "lesson.high-watermark.body.1":
    "每个副本都有日志末端偏移量（LEO）：它最后一条记录之后的偏移量。高水位（HW）是 ISR 中最小的 LEO：所有同步副本都拥有的记录。consumer 只读得到它之前的记录，所以读过的记录不会因 leader 选举而消失。",
  "lesson.high-watermark.body.2":
    "不在 ISR 中的副本不会拖住高水位：一个 broker 停机时，高水位跟着剩下的两个继续前进。broker 回来时，它的副本 LEO 落后；它会追上高水位，之后才重新加入 ISR。最后稳定偏移量（LSO）是事务版的同一个概念：它停在第一个未结束的事务。",
  "lesson.high-watermark.action":
    "让 producer A 运行，杀掉或停止一个 broker，看高水位持续增加，而那个 broker 的副本没有日志末端偏移量。启动它，看它的 LEO 追上高水位。在分区副本不足时高水位增加、而你启动之后每个分区又完全同步时完成。",
};
