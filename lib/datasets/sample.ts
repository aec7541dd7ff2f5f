/**
 * A made-up user-behaviour log in the column format of the Taobao `user_log.csv` of seed 003
 * (user_id, item_id, cat_id, merchant_id, brand_id, month, day, action, age_range, gender, province),
 * from a fixed seed: the same bytes on every machine, so tests and exercise 7 can rely on it.
 */
import { seededRandom } from "../random";
export const USER_LOG_COLUMNS = [
  "user_id",
  "item_id",
  "cat_id",
  "merchant_id",
  "brand_id",
  "month",
  "day",
  "action",
  "age_range",
  "gender",
  "province",
] as const;
export const SAMPLE_SEED = 20151111;
/** About 230 KB: replayed at ×86,400 (a day a second) it draws its six months in about three minutes; exercise 7 grades on all of it. */
export const SAMPLE_ROWS = 5_000;
/** The seed's log covers the six months before Double 11 (11-11), that day included. */
export const SAMPLE_YEAR = 2015;

// Provinces by name, as the seed's log writes them, weighted roughly by online shoppers.
const PROVINCES: [string, number][] = [
  ["广东", 12],
  ["浙江", 9],
  ["江苏", 8],
  ["山东", 6],
  ["上海", 6],
  ["北京", 6],
  ["河南", 5],
  ["四川", 5],
  ["湖北", 4],
  ["福建", 4],
  ["湖南", 4],
  ["河北", 4],
  ["安徽", 3],
  ["辽宁", 3],
  ["陕西", 3],
  ["江西", 2],
  ["重庆", 2],
  ["广西", 2],
  ["天津", 2],
  ["云南", 2],
  ["山西", 2],
  ["黑龙江", 2],
  ["吉林", 1],
  ["贵州", 1],
  ["内蒙古", 1],
  ["新疆", 1],
  ["甘肃", 1],
  ["海南", 1],
  ["宁夏", 0.5],
  ["青海", 0.5],
  ["西藏", 0.2],
  ["台湾", 0.2],
  ["香港", 0.2],
  ["澳门", 0.1],
];
/** action: 0 click, 1 add to cart, 2 buy, 3 follow (the log is mostly clicks). */
const ACTIONS: [number, number][] = [
  [0, 86],
  [1, 2],
  [2, 6],
  [3, 6],
];
/** age_range: 1 under 18, 2 18–24, 3 25–29, 4 30–34, 5 35–39, 6 40–49, 7 and 8 50 and over, 0 unknown. */
const AGE_RANGES: [number, number][] = [
  [0, 6],
  [1, 1],
  [2, 14],
  [3, 26],
  [4, 24],
  [5, 14],
  [6, 10],
  [7, 3],
  [8, 2],
];
/** gender: 0 female, 1 male, 2 unknown (most of Taobao's buyers were women). */
const GENDERS: [number, number][] = [
  [0, 62],
  [1, 27],
  [2, 11],
];

function weighted<T>(random: () => number, choices: [T, number][]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [v, w] of choices) if ((r -= w) < 0) return v;
  return choices[choices.length - 1]![0];
}

/** Days from 05-11 to 11-11, with Double 11 and the days before it busier. */
function dayWeights(): [[number, number], number][] {
  const days: [[number, number], number][] = [];
  for (let t = Date.UTC(SAMPLE_YEAR, 4, 11); t <= Date.UTC(SAMPLE_YEAR, 10, 11); t += 86_400_000) {
    const d = new Date(t);
    const toEleven = (Date.UTC(SAMPLE_YEAR, 10, 11) - t) / 86_400_000;
    days.push([[d.getUTCMonth() + 1, d.getUTCDate()], toEleven === 0 ? 25 : toEleven < 10 ? 3 : 1]);
  }
  return days;
}

interface User {
  id: number;
  age: number;
  gender: number;
  province: string;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The sample as CSV text with a header line, rows in event-time order (by day; file order within a day). */
export function generateUserLog(rows = SAMPLE_ROWS, seed = SAMPLE_SEED): string {
  const random = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const users: User[] = Array.from({ length: Math.max(1, Math.ceil(rows / 25)) }, () => ({
    id: int(1, 424170),
    age: weighted(random, AGE_RANGES),
    gender: weighted(random, GENDERS),
    province: weighted(random, PROVINCES),
  }));
  const days = dayWeights();
  const picked = Array.from({ length: rows }, () => weighted(random, days)).sort((a, b) => a[0] * 100 + a[1] - (b[0] * 100 + b[1]));
  const lines = picked.map(([month, day]) => {
    const u = users[int(0, users.length - 1)]!;
    const merchant = int(1, 4995);
    return [
      u.id,
      int(1, 1113166),
      int(1, 1671),
      merchant,
      ((merchant * 7919) % 8477) + 1,
      pad2(month),
      pad2(day),
      weighted(random, ACTIONS),
      u.age,
      u.gender,
      u.province,
    ].join(",");
  });
  return `${USER_LOG_COLUMNS.join(",")}\n${lines.join("\n")}\n`;
}
