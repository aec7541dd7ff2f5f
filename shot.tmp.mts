import { chromium } from "playwright-core";
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless=new"] });
for (const [name, width, scheme] of [["desk", 1280, "light"], ["mobile", 390, "dark"]] as const) {
  const page = await (await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme })).newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const card = page.getByTestId("broker-card");
  await card.getByTestId("broker-nodes").waitFor({ timeout: 60_000 });
  await card.screenshot({ path: `/tmp/cl-card-${name}.png` });
  await card.getByTestId("broker-nodes-open").click();
  await card.getByTestId("broker-nodes-dialog").waitFor();
  await card.screenshot({ path: `/tmp/cl-card-${name}-dialog.png` });
}
await browser.close();
