/** 图表框架的简体中文字符串：坐标轴标题、系列名称、图例。 */
export const zhCNCharts = {
  "chart.legend": "图例",
  "chart.axis.recordsPerSec": "记录/秒",
  "chart.axis.records": "记录数",
  "chart.axis.value": "数值",
  "chart.axis.result": "结果",
  "chart.axis.average": "平均结果",
  "chart.axis.windowStart": "窗口开始时间",
  "chart.axis.lagAndRate": "记录数・结果/秒",
  "chart.series.partition": "分区 {n}",
  "chart.series.strategy": "策略 {s}",
  "chart.series.value": "数值",
  "chart.series.result": "结果",
  "chart.transform.title": "result = f(value)，value 从 1 到 100",
  "chart.transform.tooltip": "数值 {v}",
} as const;
