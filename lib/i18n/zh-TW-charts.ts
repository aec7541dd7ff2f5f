/** 圖表框架的繁體中文字串：座標軸標題、數列名稱、圖例。 */
export const zhTWCharts = {
  "chart.legend": "圖例",
  "chart.axis.recordsPerSec": "紀錄/秒",
  "chart.axis.records": "紀錄數",
  "chart.axis.value": "數值",
  "chart.axis.result": "結果",
  "chart.axis.average": "平均結果",
  "chart.axis.windowStart": "視窗開始時間",
  "chart.axis.lagAndRate": "紀錄數・結果/秒",
  "chart.series.partition": "分區 {n}",
  "chart.series.strategy": "策略 {s}",
  "chart.series.value": "數值",
  "chart.series.result": "結果",
  "chart.transform.title": "result = f(value)，value 從 1 到 100",
  "chart.transform.tooltip": "數值 {v}",
} as const;
