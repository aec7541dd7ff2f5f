// Writes the generated user-behaviour sample (lib/datasets/sample.ts) to a file:
//   node --import tsx scripts/generate-user-log.ts [out.csv] [rows] [seed]
// The lab makes the same file itself on first use (.lab/datasets/sample-user-log.csv); this script is
// for looking at it, or making a bigger or differently seeded one to upload.
import { writeFileSync } from "node:fs";
import { generateUserLog, SAMPLE_ROWS, SAMPLE_SEED } from "@/lib/datasets/sample";

const [out = "sample-user-log.csv", rows = String(SAMPLE_ROWS), seed = String(SAMPLE_SEED)] = process.argv.slice(2);
const text = generateUserLog(Number(rows), Number(seed));
writeFileSync(out, text);
process.stdout.write(`wrote ${out}: ${Number(rows)} rows, ${Buffer.byteLength(text)} bytes, seed ${seed}\n`);
