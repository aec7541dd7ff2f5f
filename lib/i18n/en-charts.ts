/** English strings of the chart frame: axis titles, series names, the legend. */
export const enCharts = {
  "chart.legend": "Legend",
  "chart.axis.recordsPerSec": "records/s",
  "chart.axis.records": "records",
  "chart.axis.value": "value",
  "chart.axis.result": "result",
  "chart.axis.average": "average result",
  "chart.axis.windowStart": "window start",
  "chart.axis.lagAndRate": "records · results/s",
  "chart.series.partition": "partition {n}",
  "chart.series.strategy": "strategy {s}",
  "chart.series.value": "value",
  "chart.series.result": "result",
  "chart.transform.title": "result = f(value), for every value 1…100",
  "chart.transform.tooltip": "value {v}",
} as const;
