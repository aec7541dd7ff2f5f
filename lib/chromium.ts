/**
 * How the browser tests and the bench launch headless Chromium (Debian's `chromium`): no sandbox and no
 * GPU, which containers and CI lack, and none of its own network traffic (updates, sync, QUIC), which
 * would only add noise to a test or a measurement.
 */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
