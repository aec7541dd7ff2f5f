import { TopicViewer } from "@/components/topics/TopicViewer";

export default async function TopicsPage({ searchParams }: { searchParams: Promise<{ topic?: string | string[] }> }) {
  const { topic } = await searchParams;
  const name = typeof topic === "string" && /^[A-Za-z0-9._-]{1,249}$/.test(topic) ? topic : "A_input";
  return <TopicViewer key={name} topic={name} />;
}
