/** 练习 7 的简体中文文字（lib/exercises/book/gender-dashboard.ts）；并入简体中文字典。 */
export const zhCNExerciseDataset = {
  "exercise.gender-dashboard.title": "种子 003 的仪表板：每天各性别的行为数",
  "exercise.gender-dashboard.summary": "像种子 003 的实时仪表板一样，以一天的事件时间窗口，统计用户行为日志中各性别的记录数。",
  "exercise.gender-dashboard.statement":
    '输入是生成的用户行为日志（淘宝 user_log.csv 的格式），按数据集页重播它的方式重播：双 11 前的一周。每条记录的 key 是买家性别（"0" 女性、"1" 男性、"2" 未知），值是整行的文本（user_id、item_id、cat_id、merchant_id、brand_id、month、day、action、age_range、gender、province），事件时间是 2015 年该月该日 UTC 的午夜。以一天的滚动事件时间窗口统计各性别的记录数。当水位线到达窗口的结束时，输出一次，key 为 "<性别>|<窗口开始>"，值为 { windowStart, gender, count }，gender 是数字。编辑器旁的图表会画出你的输出：每个性别一条线，每天一个点。',
  "exercise.gender-dashboard.hint1":
    "记录的窗口开始于 Math.floor(record.eventTime / DAY) * DAY：用事件时间，不要只用 day 列（5 月 11 日和 11 月 11 日是不同的日子）。",
  "exercise.gender-dashboard.hint2": "在 ctx.state 中为每个窗口和性别保存一个计数，用你要输出的 key，例如 `${gender}|${start}`。",
  "exercise.gender-dashboard.hint3": "在 onWatermark 中，输出每个结束时间（start + DAY）不晚于水位线的窗口，然后删除它的状态：输入结束时水位线会跳过所有窗口。",
};
