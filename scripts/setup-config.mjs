// The one place the plain-Node start scripts read a logging variable (the server reads its own in
// server/config.ts, which also refuses an unknown value). LOG_FORMAT=json makes the setup lines JSON too.
export const LOG_FORMAT = process.env.LOG_FORMAT?.trim() === "json" ? "json" : "pretty";
