import { PIPELINE_TOPICS } from "./records";

/**
 * Topic names with an optional namespace prefix, so that tests (or several labs on one
 * cluster) can run the same pipeline on their own topics and consumer groups.
 */
export interface TopicNames {
  prefix: string;
  name(base: string): string;
  base(full: string): string;
  all(): string[];
  group(component: string): string;
}

export function topicNames(prefix = ""): TopicNames {
  return {
    prefix,
    name: (base) => prefix + base,
    base: (full) => (prefix && full.startsWith(prefix) ? full.slice(prefix.length) : full),
    all: () => PIPELINE_TOPICS.map((t) => prefix + t),
    group: (component) => `${prefix}lab-${component}`,
  };
}
