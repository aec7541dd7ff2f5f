import type { enExerciseBook } from "./en-exercise-book";

/** 练习簿的简体中文文字（题目与提示）。 */
export const zhCNExerciseBook: Record<keyof typeof enExerciseBook, string> = {
  "exercise.filter-map.title": "过滤与转换",
  "exercise.filter-map.summary": "无状态的转换：保留部分记录并改变其形状。",
  "exercise.filter-map.statement":
    "每条记录是一次页面浏览：key = 用户，value = { user, page, ms }，ms 是浏览的毫秒数。保留至少一秒的浏览，并发出 (user, { page, seconds })，seconds 取整数秒。这样的无状态步骤不需要状态，也不需要水位线。",
  "exercise.filter-map.hint1": "浏览少于 1000 ms 时，在 process() 中直接返回；正好 1000 ms 的要保留。",
  "exercise.filter-map.hint2": "Math.floor(ms / 1000) 就是整数秒；用 ctx.emit(record.key, { page, seconds }) 发出。",

  "exercise.windows.title": "滚动窗口与滑动窗口",
  "exercise.windows.summary": "按事件时间窗口统计每个页面的浏览数，含水位线与迟到记录。",
  "exercise.windows.statement":
    "每条记录是一次页面浏览：key = 页面。统计每个页面在 10 秒滚动窗口中的浏览数，以及在每 5 秒开始一次、长 10 秒的滑动窗口中的浏览数。水位线是目前读到的最大事件时间减 2 秒。当水位线到达窗口结束时，发出该窗口一次，key 为 `kind|page|start`，value 为 { count }。对于已关闭的窗口（结束 ≤ 水位线），记录是迟到记录：不计入该窗口，但仍计入仍打开的窗口。",
  "exercise.windows.hint1": "在 ctx.state 中为每个窗口保存一个计数，例如 key 为 `tumbling|/home|1767225600000`。",
  "exercise.windows.hint2": "时间 t 的记录属于从 floor(t / 10 秒) × 10 秒开始的滚动窗口，以及从 floor(t / 5 秒) × 5 秒和其前 5 秒开始的滑动窗口。",
  "exercise.windows.hint3": "在 onWatermark 中发出并删除结束 ≤ 水位线的窗口；在 process 中跳过结束 ≤ ctx.watermark 的窗口。",

  "exercise.sessions.title": "会话窗口",
  "exercise.sessions.summary": "按间隔把每个用户的活动分成会话。",
  "exercise.sessions.statement":
    "每条记录是用户的一个动作：key = 用户。会话是同一用户的一串记录，相邻记录的事件时间相差少于 30 秒；停顿 30 秒或更久就结束。记录可能稍有乱序，所以一条记录可能把两个会话合并成一个。当水位线超过会话最后一条记录 + 30 秒时，发出它一次，key 为 `user@start`，value 为 { start, end, count }。事件时间 ≤ 水位线的记录是迟到记录：丢弃它。",
  "exercise.sessions.hint1": "在 ctx.state 中为每个用户保存打开中的会话列表，每个为 { start, end, count }。",
  "exercise.sessions.hint2": "时间 t 的新记录加入所有 start − 30 秒 < t < end + 30 秒 的打开中会话：把它们与新记录合并成一个。",
  "exercise.sessions.hint3": "在 onWatermark 中，end + 30 秒 ≤ 水位线的会话已关闭：发出它并从列表中移除。",

  "exercise.dedup.title": "流式去重",
  "exercise.dedup.summary": "每个事件只发出一次，id 只记住水位线需要的那么久。",
  "exercise.dedup.statement":
    "每条记录是一个带 id 的事件：key = id。producer 重试了部分发送，所以同一 id 可能在第一条之后最多 20 秒事件时间内再次出现。每个 id 只为第一条记录发出一次。只记住 id 直到水位线超过它第一次的事件时间 + 30 秒，让状态不会无限增长。事件时间 ≤ 水位线的记录是迟到记录：丢弃它。",
  "exercise.dedup.hint1": "ctx.state.get(record.key) 可知道 id 是否出现过；保存它第一次的事件时间。",
  "exercise.dedup.hint2": "在 onWatermark 中删除第一次事件时间 + 30 秒 ≤ 水位线的 id。",
  "exercise.dedup.hint3": "在 id 被忘记后才到的重试，事件时间早于水位线：迟到检查会丢弃它。",

  "exercise.failed-logins.title": "一分钟内三次登录失败",
  "exercise.failed-logins.summary": "用少量状态检测每个用户的模式。",
  "exercise.failed-logins.statement":
    "每条记录是一次登录：key = 用户，value = { user, ok }，按事件时间排序。当一次失败的登录（ok: false）是该用户一分钟内第三次或更多次失败时发出告警：事件时间 − 60 秒之后的失败（包含这一次）达 3 次以上。发出 (user, { failures })，failures 为该次数。",
  "exercise.failed-logins.hint1": "在 ctx.state 中保存每个用户最近失败的事件时间。",
  "exercise.failed-logins.hint2": "丢掉 ≤ t − 60 秒的失败：相隔正好一分钟的两次失败不算在一分钟内。",

  "exercise.join.title": "在时间窗口内 join 两个流",
  "exercise.join.summary": "按 key 配对订单与付款（先后皆可），并移除已不可能配对的状态。",
  "exercise.join.statement":
    '一个主题承载两个以订单 id 为 key 的流：{ stream: "order", orderId, amount } 与 { stream: "payment", orderId }。付款的事件时间在订单之后 0 到 60 秒内时，发出 (orderId, { amount, paidAfterMs })。任一方都可能先到。订单或付款只在仍可能配对时保留：水位线超过其事件时间 + 60 秒后就丢弃。事件时间 ≤ 水位线的记录是迟到记录：丢弃它。',
  "exercise.join.hint1": "把每一方存在自己的 key 下，例如 `order|order-101` 与 `payment|order-101`。",
  "exercise.join.hint2": "记录到达时查找另一方：无论谁先到，这时配对可能已经完整。",
  "exercise.join.hint3": "在 onWatermark 中删除事件时间 + 60 秒 ≤ 水位线的已保存记录。",
};
