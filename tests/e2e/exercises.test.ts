import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ExerciseList, Solution } from "@/lib/contract/exercises";
import type { RunningApp } from "../support/app";
import { describeViolations, seriousViolations } from "./axe";
import { screenshot, sessionPerFile } from "./browser";

// Issue 17: a learner writes a processor in the editor (typed, key by key, as a learner would), runs it on
// the real broker, and reads the verdict; a failing one shows its error at its line in the editor.

let app: RunningApp;
let page: Page;
sessionPerFile({ width: 1280, height: 900 }, (s) => ({ app, page } = s));

const editor = () => page.locator('[data-testid="code-editor"] .cm-content');

async function firstExercise(): Promise<string> {
  const list = ExerciseList.parse(await (await fetch(`${app.url}/api/exercises`)).json());
  return [...list.exercises].sort((a, b) => a.number - b.number)[0]!.id;
}

/** Empties the editor and types `code` into it. The editor indents new lines itself, so typed indentation only adds to it: the code's meaning is unchanged. */
async function typeCode(code: string): Promise<void> {
  await editor().click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(code);
}

async function run(): Promise<string> {
  await page.getByTestId("run").click();
  await page
    .locator('[data-testid="verdict"]:not([data-status="idle"]):not([data-status="submitting"]):not([data-status="running"])')
    .waitFor({ timeout: 180_000 });
  return (await page.getByTestId("verdict").getAttribute("data-status")) ?? "";
}

describe("an exercise in the browser editor", () => {
  it("types a correct processor, runs it on the live pipeline and sees it pass; the list then shows it passed", async () => {
    const id = await firstExercise();
    const { code } = Solution.parse(await (await fetch(`${app.url}/api/exercises/${id}/solution`)).json());
    await page.goto(`${app.url}/exercises`);
    await page.getByTestId(`exercise-link-${id}`).click();
    await page.waitForURL((u) => u.pathname === `/exercises/${id}`);
    await editor().waitFor();
    await typeCode(code);
    const status = await run();
    // On a failure, say what the page showed: the error below the editor, or the verdict.
    const shown = status === "error" ? await page.getByTestId("editor-error").textContent() : await page.getByTestId("verdict").textContent();
    expect(status, `${shown}\n--- typed:\n${await editor().innerText()}`).toBe("pass");
    await page.getByTestId("verdict-pass").waitFor();
    await screenshot(page, "exercise-pass-desktop");

    await page.goto(`${app.url}/exercises`);
    await page.locator(`[data-testid="exercise-row"][data-id="${id}"] [data-testid="exercise-status"][data-passed="true"]`).waitFor();
  });

  it("marks a failing processor's error at its line; the code survives a reload until reset; the starter fails with differences", async () => {
    const id = await firstExercise();
    await page.goto(`${app.url}/exercises/${id}`);
    await editor().waitFor();
    // The throw is on line 3 of what is typed.
    await typeCode('export function process(record, ctx) {\nconst seen = record.key;\nthrow new Error("no " + seen);\n}');
    expect(await run()).toBe("error");
    await expect(page.getByTestId("editor-error").getAttribute("data-line")).resolves.toBe("3");
    // The mark is on the third line of the editor, the line of the throw.
    await page.locator(".cm-line").nth(2).locator(".cm-lintRange-error").waitFor();
    await expect(page.locator(".cm-lintRange-error").count()).resolves.toBe(1);
    await expect(page.locator(".cm-line").nth(2).textContent()).resolves.toContain("throw");
    await screenshot(page, "exercise-error-desktop");

    // Escape then Tab leaves the editor for the next control, as CodeMirror documents for indentWithTab.
    await editor().click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.closest(".cm-editor") === null)).resolves.toBe(true);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(() => editor().textContent()).toContain("throw new Error");
    await screenshot(page, "exercise-phone");
    await page.getByTestId("reset-code").click();
    await page.getByTestId("reset-code-confirm").click();
    await expect.poll(() => editor().textContent()).not.toContain("throw new Error");
    await page.setViewportSize({ width: 1280, height: 900 });

    // The starter code emits nothing: the verdict lists the reference's records as missing, with their inputs.
    expect(await run()).toBe("fail");
    await page.locator('[data-testid="difference"][data-kind="missing"]').first().waitFor();
    expect(describeViolations(await seriousViolations(page))).toBe("");
    await screenshot(page, "exercise-fail-desktop");
  });
});
