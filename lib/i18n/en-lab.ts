/** English strings of applying settings (restarts, cost), how far behind workers are, and Reset lab. */
export const enLab = {
  "settings.applyRestarts":
    "Applying restarts {components}: it reads {settings} only when it starts. It stops gracefully (its last transaction commits), starts again with the new values and rebuilds its state from its committed offsets, so no output is lost or written twice.",
  "settings.restarting": "Restarting {components}…",
  "settings.restartedWorker": "Restarted {component}: it now runs with the new {settings}.",
  "settings.cost": "Also about {rows} records held in the join's state (≈ {mb} MB) and {perCore} records/s per core for the {cores} cores of this machine.",
  "settings.stateHigh": "That join state is more than fits beside the broker on one machine.",
  "settings.overCapacity":
    "One machine does not keep up with these settings: the join would fall minutes behind. Change them, or tick “Load test” to apply them anyway.",
  "join.restarting": "restarting with ±{window}, delay {delay}…",
  "agg.runningWith": "running with a {size} window, slide {slide}, delay {delay}, {mode} mode",
  "agg.restartingWith": "restarting with a {size} window, slide {slide}, delay {delay}, {mode} mode…",
  "live.behind": "{worker} is {time} behind ({records} records to read)",
  "live.stalled": "{worker} reads nothing while {records} records wait",
  "live.keepingUp": "{worker} keeps up",
  "reset.button": "Reset lab…",
  "reset.title": "Reset the lab?",
  "reset.body":
    "Stops every producer and worker, deletes and recreates the lab's topics (every record is gone) and its consumer groups (every committed offset is gone), and restores the default settings. Use it when the lab is in a state you cannot get out of.",
  "reset.confirm": "Reset lab",
  "reset.cancel": "Cancel",
  "reset.running": "Resetting…",
  "reset.done": "Reset in {time}: a clean lab with the default settings.",
  "reset.error": "Reset failed: {error}",
} as const;
