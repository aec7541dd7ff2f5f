import { Tutorial } from "@/components/learn/Tutorial";

export default function LearnPage() {
  return <Tutorial />;
}
