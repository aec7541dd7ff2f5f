import Link from "next/link";

/** A topic in the diagram; a click opens it in the topic viewer. */
export function TopicChip({ topic, color, label }: { topic: string; color: string; label: string }) {
  return (
    <Link
      href={`/topics?topic=${encodeURIComponent(topic)}`}
      title={label}
      data-testid={`topic-${topic}`}
      className="inline-flex items-center gap-2 rounded-full border border-line bg-surface-2 px-3 py-1 font-mono text-xs shadow-sm hover:border-accent"
    >
      <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: color }} />
      {topic}
    </Link>
  );
}
