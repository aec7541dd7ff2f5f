import { JoinView } from "@/components/join/JoinView";

export default function JoinPage() {
  return <JoinView />;
}
