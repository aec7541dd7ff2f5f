import type { Page } from "playwright-core";

/**
 * What a learner would see as broken on the page now, as readable lines (empty when the layout is sound):
 * the page scrolling sideways, a status badge on two lines, text that spills out of (or is cut inside)
 * a pipeline node, anything wider than its card (unless it scrolls inside the card), and a box that
 * scrolls sideways without being a focusable, named region. Measured in the browser, on what is rendered.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) problems.push(`page is ${doc.scrollWidth} px wide in a ${window.innerWidth} px window`);
    const name = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    const shown = (el: Element) => el.getClientRects().length > 0;

    for (const badge of document.querySelectorAll('[data-testid="status-badge"]')) {
      if (!shown(badge)) continue;
      const style = getComputedStyle(badge);
      const line = style.lineHeight === "normal" ? 1.2 * parseFloat(style.fontSize) : parseFloat(style.lineHeight);
      const height = badge.getBoundingClientRect().height;
      if (height >= 1.6 * line) problems.push(`badge ${name(badge)} is ${height.toFixed(1)} px tall for a ${line} px line`);
    }

    for (const node of document.querySelectorAll('[data-testid^="node-"]')) {
      if (!shown(node)) continue;
      const box = node.getBoundingClientRect();
      for (const el of node.querySelectorAll("*")) {
        if (!shown(el)) continue;
        const r = el.getBoundingClientRect();
        const outside = r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
        // A box cut short by overflow: hidden / text-overflow (a title ending in "…") hides words too.
        const cut = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible";
        if (outside) problems.push(`${node.getAttribute("data-testid")}: ${name(el)} spills out of the node`);
        if (cut) problems.push(`${node.getAttribute("data-testid")}: ${name(el)} is cut (${el.scrollWidth} > ${el.clientWidth} px)`);
      }
    }

    const clips = (el: Element) => getComputedStyle(el).overflowX !== "visible";
    for (const card of document.querySelectorAll(".card")) {
      if (!shown(card)) continue;
      const box = card.getBoundingClientRect();
      const spilled = [...card.querySelectorAll("*")].filter((el) => {
        if (!shown(el)) return false;
        const r = el.getBoundingClientRect();
        if (r.right <= box.right + 0.5 && r.left >= box.left - 0.5) return false;
        // Inside a box that scrolls (or clips) within the card, it is the box's width that counts.
        for (let up = el.parentElement; up && up !== card; up = up.parentElement) if (clips(up)) return false;
        return true;
      });
      for (const el of spilled.slice(0, 3)) problems.push(`${name(el)} spills out of its card "${(card.textContent ?? "").trim().slice(0, 30)}"`);
    }

    for (const el of document.querySelectorAll("body *")) {
      if (!shown(el) || el.matches("input, select, textarea")) continue;
      const style = getComputedStyle(el);
      if (!["auto", "scroll"].includes(style.overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
      const named = el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby");
      if ((el as HTMLElement).tabIndex < 0 || !named) problems.push(`${name(el)} scrolls sideways but is not a focusable, named region`);
    }
    return problems;
  });
}

/** Where an element is on screen, to check it is inside the window's width. */
export async function insideWidth(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth;
  });
}
