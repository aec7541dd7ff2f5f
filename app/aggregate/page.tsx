import { AggregateView } from "@/components/aggregate/AggregateView";

export default function AggregatePage() {
  return <AggregateView />;
}
