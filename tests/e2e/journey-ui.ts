import type { Learner } from "./journey-steps";

/** What a learner does with the forms and reads off the nodes and tables beside a lesson (see journey-steps.ts). */

const WAIT = 90_000;

/** Types a value into a settings field, again if the live state replaced it before the page was interactive, and applies. */
export async function applySetting(l: Learner, field: string, value: string) {
  await applySettings(l, { [field]: value });
}

/** Types each value into its settings field (again if a live update replaced it), then applies them together. */
export async function applySettings(l: Learner, values: Record<string, string>) {
  const deadline = Date.now() + 30_000;
  const typed = async () => {
    for (const [field, value] of Object.entries(values)) if ((await l.live.getByTestId(`setting-${field}`).inputValue()) !== value) return false;
    return l.live.getByTestId("settings-apply").isEnabled();
  };
  while (!(await typed())) {
    if (Date.now() > deadline) throw new Error(`could not type ${JSON.stringify(values)} into the settings form`);
    for (const [field, value] of Object.entries(values)) await l.live.getByTestId(`setting-${field}`).fill(value);
  }
  await l.live.getByTestId("settings-apply").click();
  await l.live.getByTestId("settings-saved").waitFor({ timeout: 30_000 });
}

/** Picks an output mode; again if a live update replaced the choice (one click once did not stick). */
export async function chooseAggMode(l: Learner, mode: string) {
  const radio = l.live.getByTestId(`agg-mode-${mode}`);
  const deadline = Date.now() + 30_000;
  while (!((await radio.isChecked()) && (await l.live.getByTestId("agg-apply").isEnabled()))) {
    if (Date.now() > deadline) throw new Error(`could not choose the ${mode} output mode`);
    await radio.check().catch(() => undefined);
  }
}

/** Waits until a node beside the lesson shows it writing at least `min` records/s ("out 97.4/s", "out 12.3k/s"). */
export async function outRateAtLeast(l: Learner, name: string, min: number) {
  const rate = l.live.getByTestId(`rate-${name}`).first();
  await rate.waitFor();
  const handle = await rate.elementHandle();
  await l.page.waitForFunction(
    ({ el, min }) => {
      const m = /out ([\d.]+)(k?)\/s/.exec(el?.textContent ?? "");
      return m !== null && Number(m[1]) * (m[2] ? 1000 : 1) >= min;
    },
    { el: handle, min },
    { timeout: WAIT },
  );
}

/** Waits until a consumer group's lag column in the topic viewer beside the lesson adds up to `min`. */
export async function groupLagAtLeast(l: Learner, group: string, min: number) {
  // The app's groups may carry a topic prefix (the tests' do): group-<prefix>lab-strategy.
  const table = l.live.locator(`[data-testid^="group-"][data-testid$="${group}"]`).first();
  await table.waitFor({ timeout: WAIT });
  const handle = await table.elementHandle();
  await l.page.waitForFunction(
    ({ el, min }) => [...(el?.querySelectorAll("tbody tr td:last-child") ?? [])].reduce((n, td) => n + (Number(td.textContent) || 0), 0) >= min,
    { el: handle, min },
    { timeout: WAIT },
  );
}
