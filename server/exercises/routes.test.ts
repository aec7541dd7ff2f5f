import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getRun } from "@/app/api/runs/[id]/route";
import { POST as submit } from "@/app/api/exercises/[id]/runs/route";
import { GET as getExercise } from "@/app/api/exercises/[id]/route";
import { MAX_CODE_BYTES, type Verdict } from "@/lib/contract/exercises";
import { RequestError } from "@/lib/errors";
import { createLogger } from "@/lib/log";
import type { LabRuntime } from "../runtime";
import type { ExerciseService } from "./service";

/** The exercise routes over a stand-in service: status codes, body limits and checks, without a broker. */
const verdict: Verdict = {
  runId: "abc123",
  exerciseId: "filter-map",
  status: "running",
  chaos: false,
  kills: 0,
  counts: { inputs: 1, expected: 0, actual: 0, matched: 0 },
  startedAt: 1,
  finishedAt: null,
};
const submitted: unknown[] = [];
const service: Partial<ExerciseService> = {
  async submit(id, s) {
    if (id !== "filter-map") throw new RequestError(404, `no exercise "${id}"`);
    submitted.push(s);
    return verdict;
  },
  verdict(id) {
    if (id !== verdict.runId) throw new RequestError(404, `no run "${id}"`);
    return verdict;
  },
  async detail(id) {
    throw new RequestError(404, `no exercise "${id}"`);
  },
};

beforeAll(() => {
  globalThis.__kafkaLab = { exercises: service, log: createLogger("routes-test", "silent") } as unknown as LabRuntime;
});
afterAll(() => {
  globalThis.__kafkaLab = undefined;
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (body: string) =>
  new Request("http://127.0.0.1/api/exercises/filter-map/runs", { method: "POST", body, headers: { "content-type": "application/json" } });

describe("the exercise routes", () => {
  it("take a submission of up to 64 KiB of code, chaos off unless asked", async () => {
    const res = await submit(post(JSON.stringify({ code: "x".repeat(MAX_CODE_BYTES) })), params("filter-map"));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual(verdict);
    expect(submitted.at(-1)).toMatchObject({ chaos: false });
  });

  it("refuse more code than that (400), a larger body (413), an unknown field (400) and an unknown exercise (404)", async () => {
    expect((await submit(post(JSON.stringify({ code: "x".repeat(MAX_CODE_BYTES + 1) })), params("filter-map"))).status).toBe(400);
    expect((await submit(post(JSON.stringify({ code: "x".repeat(4 * MAX_CODE_BYTES) })), params("filter-map"))).status).toBe(413);
    expect((await submit(post(JSON.stringify({ code: "", run: true })), params("filter-map"))).status).toBe(400);
    expect((await submit(post(JSON.stringify({ code: "" })), params("nope"))).status).toBe(404);
  });

  it("answer a run's verdict, and 404 for an unknown run or exercise", async () => {
    expect(await (await getRun(new Request("http://127.0.0.1/api/runs/abc123"), params("abc123"))).json()).toEqual(verdict);
    expect((await getRun(new Request("http://127.0.0.1/api/runs/zzz"), params("zzz"))).status).toBe(404);
    expect((await getExercise(new Request("http://127.0.0.1/api/exercises/nope"), params("nope"))).status).toBe(404);
  });
});
