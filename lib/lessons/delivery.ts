import type { DeliveryMode } from "@/lib/contract/api";
import { component } from "@/lib/live/snapshot";
import type { Lesson } from "./types";
import { firstAt, type LessonView } from "./view";

/** The transform's delivery mode the learner last chose here before `at` (exactly-once until they choose). */
function modeChosenBefore(v: LessonView, at: number): DeliveryMode {
  const last = v.actions.findLast((a) => a.at < at && a.name.startsWith("delivery:"));
  return (last?.name.slice("delivery:".length) as DeliveryMode | undefined) ?? "exactly-once";
}

/**
 * Ran the transform at most or at least once here, killed it in that mode, then saw the in = out
 * check report more lost or duplicated inputs, then went back to exactly once, which it runs now.
 */
function ranWeakKilledSawAndCameBack(v: LessonView): boolean {
  for (const kill of v.actions.filter((a) => a.name === "kill:strategy")) {
    if (modeChosenBefore(v, kill.at) === "exactly-once") continue;
    const saw = firstAt(v, ["inout:lost", "inout:duplicated"], kill.at);
    if (saw === null) continue;
    if (firstAt(v, "delivery:exactly-once", saw) !== null) return (component(v.now, "strategy")?.deliveryMode ?? "exactly-once") === "exactly-once";
  }
  return false;
}

export const delivery: Lesson = {
  id: "delivery",
  target: { kind: "experiment", experiment: "chaos" },
  text: {
    en: {
      title: "Delivery guarantees: at most, at least, exactly once",
      body: [
        "A consumer that writes results does two things for each batch: it writes the outputs, and it commits the input offsets (its bookmark). A crash between the two decides the guarantee. At most once: commit first, then write; a crash in between skips inputs whose outputs were never written: they are lost. At least once: write first (and wait for acks=all), then commit; a crash in between reads those inputs again and writes their outputs twice: duplicates. Exactly once: write the outputs and commit the offsets in one Kafka transaction, and let readers read committed data only: a crash aborts both.",
        "The transform normally runs exactly once. The mode buttons here restart it at most once or at least once, without a transaction (the pipeline diagram marks it). To make the gap easy to hit, this lab widens it on purpose: at most once writes its outputs only every 5 s after committing them, and at least once commits only every 5 s after writing. A real consumer's gap is milliseconds, or its auto-commit interval (5 s by default in Kafka's Java consumer): a crash lands in it less often, with the same effect.",
        "Each output names its input (partition and offset, in a header), so the in = out check can tell the two failures apart: a second output for one input counts as duplicated at once; an input with no output counts as lost once nothing is in flight (stop producer A to let it settle). Going back to exactly once stops new losses and duplicates; it does not repair those already in A_output.",
      ],
      action: "Start producer A and the transform. Choose at most once (or at least once), press Kill, and wait until the check reports lost (or duplicated) records; for losses, stop producer A so that it settles. Then press Back to exactly once. Done when the check reported a loss or a duplicate after a kill in a weaker mode, and the transform runs exactly once again.",
    },
    "zh-TW": {
      title: "傳遞保證：最多一次、至少一次、恰好一次",
      body: [
        "寫出結果的 consumer 對每一批都要做兩件事：寫出輸出，並提交輸入偏移量（它的書籤）。在兩者之間崩潰會發生什麼，決定了傳遞保證。最多一次：先提交再寫出；在兩者之間崩潰，輸出從未寫出的輸入就被跳過：遺失。至少一次：先寫出（並等 acks=all 確認）再提交；在兩者之間崩潰，這些輸入會再讀一次，輸出寫了兩次：重複。恰好一次：把輸出與偏移量的提交放進同一個 Kafka 交易，讀取端只讀已提交的資料：崩潰會讓兩者一起中止。",
        "轉換平常以恰好一次執行。這裡的模式按鈕會讓它改以最多一次或至少一次重新啟動，不使用交易（管線圖會標示出來）。為了容易碰上這段空檔，這個實驗室刻意把它拉長：最多一次在提交後每 5 秒才寫出輸出，至少一次在寫出後每 5 秒才提交。真實 consumer 的空檔只有幾毫秒，或是它的自動提交間隔（Kafka Java consumer 預設 5 秒）：崩潰較少落在其中，但效果相同。",
        "每筆輸出都在標頭記下它的輸入（分區與偏移量），所以「輸入 = 輸出」檢查能分辨這兩種失敗：同一筆輸入的第二筆輸出立刻算作重複；沒有輸出的輸入在沒有紀錄傳送中時算作遺失（停止 producer A 讓它結算）。回到恰好一次會停止新的遺失與重複，但不會修復已經在 A_output 裡的。",
      ],
      action: "啟動 producer A 與轉換。選擇最多一次（或至少一次），按下「砍掉」，等檢查回報遺失（或重複）的紀錄；要看遺失，請停止 producer A 讓它結算。接著按「回到恰好一次」。在較弱的模式下砍掉後檢查回報了遺失或重複，且轉換再次以恰好一次執行時完成。",
    },
    "zh-CN": {
      title: "传递保证：最多一次、至少一次、恰好一次",
      body: [
        "写出结果的 consumer 对每一批都要做两件事：写出输出，并提交输入 offset（它的书签）。在两者之间崩溃会发生什么，决定了传递保证。最多一次：先提交再写出；在两者之间崩溃，输出从未写出的输入就被跳过：丢失。至少一次：先写出（并等 acks=all 确认）再提交；在两者之间崩溃，这些输入会再读一次，输出写了两次：重复。恰好一次：把输出与 offset 的提交放进同一个 Kafka 事务，读取端只读已提交的数据：崩溃会让两者一起中止。",
        "转换平时以恰好一次运行。这里的模式按钮会让它改以最多一次或至少一次重新启动，不使用事务（管道图会标示出来）。为了容易碰上这段空档，这个实验室故意把它拉长：最多一次在提交后每 5 秒才写出输出，至少一次在写出后每 5 秒才提交。真实 consumer 的空档只有几毫秒，或是它的自动提交间隔（Kafka Java consumer 默认 5 秒）：崩溃较少落在其中，但效果相同。",
        "每条输出都在消息头记下它的输入（分区与 offset），所以「输入 = 输出」检查能分辨这两种失败：同一条输入的第二条输出立刻算作重复；没有输出的输入在没有记录发送中时算作丢失（停止 producer A 让它结算）。回到恰好一次会停止新的丢失与重复，但不会修复已经在 A_output 里的。",
      ],
      action: "启动 producer A 与转换。选择最多一次（或至少一次），按下「杀掉」，等检查报告丢失（或重复）的记录；要看丢失，请停止 producer A 让它结算。接着按「回到恰好一次」。在较弱的模式下杀掉后检查报告了丢失或重复，且转换再次以恰好一次运行时完成。",
    },
  },
  spark: `# Spark's Kafka sink is at-least-once: a batch cut short by a crash is written again on restart.
# Spark has no at-most-once switch; end-to-end exactly-once needs a sink that drops repeats,
# e.g. foreachBatch + an upsert keyed on the input's partition and offset (this lab's header).
q = (out.writeStream.format("kafka")
     .option("checkpointLocation", "/tmp/ckpt/strategy")   # offsets recorded here per batch
     .option("topic", "A_output").start())`,
  done: ranWeakKilledSawAndCameBack,
};
